package com.airline.reminder.health;

import com.airline.reminder.ReminderStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the application has started. Payara registers and asks the readiness checks as
 * soon as the application is deployed, seconds before its web module serves: with the database and
 * the broker alone, /health/ready said UP while the API still answered 404, then 500.
 */
@Readiness
@ApplicationScoped
public class StartupCheck implements HealthCheck {

  @Inject ReminderStartup startup;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("startup").status(startup.started()).build();
  }
}
