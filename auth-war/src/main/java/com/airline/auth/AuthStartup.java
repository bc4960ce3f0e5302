package com.airline.auth;

import com.airline.auth.schema.Migrations;
import com.airline.auth.tokens.control.SigningKeys;
import com.airline.auth.users.control.FirstAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Start-up in the one order that works: schema, then signing key, then the first admin. */
@ApplicationScoped
public class AuthStartup {

  @Inject Migrations migrations;
  @Inject SigningKeys signingKeys;
  @Inject FirstAdmin firstAdmin;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrations.migrate();
    signingKeys.load();
    firstAdmin.ensure();
  }
}
