package com.airline.booking.events.boundary;

import com.airline.booking.events.control.EventRelay;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties the outbox every second, batch after batch. Each batch is its own transaction: without
 * NOT_SUPPORTED the EJB's container transaction would wrap them all, and a failed batch would roll
 * back the ones already published.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RelaySchedule {

  static final int BATCH = 100;
  private static final Logger LOG = Logger.getLogger(RelaySchedule.class.getName());

  @Inject EventRelay relay;

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void relay() {
    try {
      while (relay.publishPending(BATCH) == BATCH) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox relay run failed; it runs again in 1 s", e);
    }
  }
}
