package com.airline.booking;

import com.airline.booking.schema.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Migrates the schema at start. Payara fires {@code @Schedule} timers before the application is
 * initialized, so the timers ask {@link #ready()} before touching the database.
 */
@ApplicationScoped
public class BookingStartup {

  @Inject Migrations migrations;

  private volatile boolean ready;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrations.migrate();
    ready = true;
  }

  public boolean ready() {
    return ready;
  }
}
