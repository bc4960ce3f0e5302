package com.airline.flights;

import com.airline.chassis.health.ServiceStartup;
import com.airline.flights.demo.DemoData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;

/** Start-up in order: schema first, then the demo catalogue when asked for. */
@Readiness
@Default
@ApplicationScoped
public class FlightsStartup extends ServiceStartup {

  @Inject DemoData demoData;

  @Override
  protected void start() {
    demoData.loadIfEmpty();
  }
}
