package com.airline.booking;

import com.airline.booking.schema.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

@ApplicationScoped
public class BookingStartup {

  @Inject Migrations migrations;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrations.migrate();
  }
}
