package com.airline.flights;

import com.airline.flights.demo.DemoData;
import com.airline.flights.schema.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Start-up in order: schema first, then the demo catalogue when asked for. */
@ApplicationScoped
public class FlightsStartup {

  @Inject Migrations migrations;
  @Inject DemoData demoData;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrations.migrate();
    demoData.loadIfEmpty();
  }
}
