package com.airline.booking.events.boundary;

import com.airline.booking.BookingStartup;
import com.airline.booking.events.control.EventRelay;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties the outbox every second, batch after batch. Each batch is a transaction of its own
 * (EventRelay's REQUIRES_NEW): Payara Micro runs a timer's method in a container transaction even
 * with NOT_SUPPORTED, which would otherwise wrap them all and keep every batch's rows locked until
 * the last one.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelaySchedule {

  static final int BATCH = 100;
  private static final Logger LOG = Logger.getLogger(RelaySchedule.class.getName());

  @Inject EventRelay relay;
  @Inject BookingStartup startup;

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
