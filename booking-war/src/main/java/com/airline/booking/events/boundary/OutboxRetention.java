package com.airline.booking.events.boundary;

import com.airline.booking.BookingStartup;
import com.airline.booking.events.control.Outbox;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 10 s, deletes the events published longer than booking.outbox.retention ago (the broker has
 * had them since), a bounded number per run so that a large backlog is worked off in steps. A bean
 * of its own: in RelaySchedule's singleton a slow deletion would hold up publishing.
 */
@Singleton
public class OutboxRetention {

  private static final Logger LOG = Logger.getLogger(OutboxRetention.class.getName());
  private static final int BATCH = 1_000;
  private static final int RUNS = 10;

  @Inject Outbox outbox;
  @Inject BookingStartup startup;

  @Inject
  @ConfigProperty(name = "booking.outbox.retention")
  Duration retention;

  @Schedule(hour = "*", minute = "*", second = "5/10", persistent = false)
  void prune() {
    if (!startup.ready()) {
      return;
    }
    try {
      Instant before = Instant.now().minus(retention);
      for (int run = 0; run < RUNS && outbox.prune(before, BATCH) == BATCH; run++) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Outbox pruning failed, next in 10 s: " + e);
    }
  }
}
