package com.airline.auth;

import com.airline.auth.tokens.control.SigningKeys;
import com.airline.auth.users.control.FirstAdmin;
import com.airline.chassis.health.ServiceStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Start-up in the one order that works: schema, then signing key, then the first admin. */
@Readiness
@Default
@ApplicationScoped
public class AuthStartup extends ServiceStartup {

  @Inject SigningKeys signingKeys;
  @Inject FirstAdmin firstAdmin;

  @Override
  protected void start() {
    signingKeys.load();
    firstAdmin.ensure();
  }
}
