package com.airline.reminder;

import com.airline.reminder.schedule.boundary.ReminderTimers;
import com.airline.reminder.schema.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the schema, then re-arms the timers a full stop lost. Messages and {@code @Schedule}
 * timers can arrive before this ran (Payara starts them first), so they wait for {@link #ready}.
 * The service is ready for requests only once all of it ran ({@link #started}): Payara asks the
 * readiness checks as soon as the application is deployed, seconds before its web module starts
 * (requests meanwhile get a 404, then a 500 with an empty body from the container).
 */
@ApplicationScoped
public class ReminderStartup {

  private static final Logger LOG = Logger.getLogger(ReminderStartup.class.getName());

  @Inject Migrations migrations;
  @Inject ReminderTimers timers;

  private final CountDownLatch ready = new CountDownLatch(1);
  private volatile boolean started;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrations.migrate();
    ready.countDown();
    try {
      timers.rearm();
    } catch (RuntimeException e) {
      // the application still starts: the minute sweep sends what lost its timer
      LOG.log(Level.SEVERE, "Re-arming the reminder timers failed", e);
    }
    started = true;
  }

  /**
   * Whether the start-up work is done. The web module starts serving only after this observer
   * returned; in between, the container answers the application's paths (/health/ready too) with
   * errors, never with a 200.
   */
  public boolean started() {
    return started;
  }

  public boolean ready() {
    return ready.getCount() == 0;
  }

  /** Waits for the schema; false if it is still not there after the given time. */
  public boolean awaitReady(Duration atMost) {
    try {
      return ready.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
