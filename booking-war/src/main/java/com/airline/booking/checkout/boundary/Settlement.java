package com.airline.booking.checkout.boundary;

import com.airline.booking.BookingStartup;
import com.airline.booking.checkout.control.BookingStore;
import com.airline.booking.checkout.control.Checkout;
import com.airline.booking.checkout.entity.Booking;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finishes what requests could not: a booking still PENDING after booking.checkout.pending-timeout
 * (flights did not answer) gives its seats back and is abandoned; a CANCELLED booking whose seats
 * are still held gets them released. Idempotent: every call to flights here may be repeated.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Settlement {

  private static final Logger LOG = Logger.getLogger(Settlement.class.getName());

  @Inject BookingStore store;
  @Inject Checkout checkout;
  @Inject BookingStartup startup;

  @Inject
  @ConfigProperty(name = "booking.checkout.pending-timeout")
  Duration pendingTimeout;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
  void settle() {
    if (!startup.ready()) {
      return;
    }
    try {
      for (Booking booking : store.toSettle(Instant.now().minus(pendingTimeout), 100)) {
        if (booking.getStatus() == Booking.Status.PENDING) {
          // abandoned first, and only while still PENDING: releasing the seats first gave a
          // booking confirmed meanwhile (201 to its client) its seats back and then cancelled it
          if (!store.abandon(booking.getReference())) {
            continue;
          }
          LOG.info(
              () ->
                  "Abandoned "
                      + booking.getReference()
                      + ": its outcome with flights stayed unknown");
        }
        if (!checkout.release(booking)) {
          return; // flights is down: try again next time
        }
      }
    } catch (RuntimeException e) {
      LOG.log(java.util.logging.Level.WARNING, "Settlement failed; it runs again in 10 s", e);
    }
  }
}
