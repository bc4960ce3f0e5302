package com.airline.booking.events.boundary;

import com.airline.booking.BookingStartup;
import com.airline.booking.events.control.EventRelay;
import com.airline.booking.events.control.Outbox;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Empties the outbox every second, batch after batch, and deletes what was published long ago. Each
 * batch and each deletion is a transaction of its own (REQUIRES_NEW, NOT_SUPPORTED): Payara Micro
 * runs a timer's method in a container transaction even with NOT_SUPPORTED, which would otherwise
 * wrap them all and keep every batch's rows locked until the last one.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelaySchedule {

  static final int BATCH = 100;
  private static final int PRUNE_BATCH = 1_000;
  private static final int PRUNE_RUNS = 10;
  private static final Logger LOG = Logger.getLogger(RelaySchedule.class.getName());

  @Inject EventRelay relay;
  @Inject Outbox outbox;

  @Inject
  @ConfigProperty(name = "booking.outbox.retention")
  Duration retention;

  @Inject BookingStartup startup;

  /**
   * Every 10 s: deletes events published longer than booking.outbox.retention ago (the broker has
   * had them since), a bounded number per run so that a large backlog is worked off in steps.
   */
  @Schedule(hour = "*", minute = "*", second = "5/10", persistent = false)
  void prune() {
    if (!startup.ready()) {
      return;
    }
    try {
      Instant before = Instant.now().minus(retention);
      for (int run = 0;
          run < PRUNE_RUNS && outbox.prune(before, PRUNE_BATCH) == PRUNE_BATCH;
          run++) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Outbox pruning failed, next in 10 s: " + e);
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void relay() {
    if (!startup.ready()) {
      return;
    }
    try {
      while (relay.publishPending(BATCH) == BATCH) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      // once a second while the database is away: one line each, the trace at FINE
      LOG.warning(() -> "Outbox relay run failed, next in 1 s: " + e);
      LOG.log(Level.FINE, "Outbox relay run failed", e);
    }
  }
}
