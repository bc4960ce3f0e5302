package com.airline.chassis.grid;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Part of every service's readiness: DOWN while the instance is warming up before it is published
 * in the grid ({@link SelfRegistration}), so that an instance reported ready is in rotation and no
 * warm-up request of its own runs beside its first callers' requests.
 */
@Readiness
@ApplicationScoped
public class GridReadiness implements HealthCheck {

  @Inject SelfRegistration registration;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("grid").status(registration.settled()).build();
  }
}
