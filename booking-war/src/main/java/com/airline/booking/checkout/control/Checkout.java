package com.airline.booking.checkout.control;

import com.airline.booking.checkout.entity.Booking;
import com.airline.booking.checkout.entity.IdempotencyKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Booking and cancelling across the two services: PENDING first (committed), then seats in flights,
 * then CONFIRMED with its event. Each step commits on its own, so a crash or an unreachable flights
 * service leaves a PENDING booking for the settlement to finish, never a half-written one.
 */
@ApplicationScoped
public class Checkout {

  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

  /** How long a request waits for a racing twin with the same Idempotency-Key to finish. */
  private static final Duration TWIN_WAIT = Duration.ofSeconds(15);

  /**
   * The answer to a booking request: its status code, the booking, and whether an earlier request
   * made it.
   */
  public record Outcome(int status, Booking booking, boolean replayed) {}

  @Inject Flights flights;
  @Inject BookingStore store;
  @Inject BookingRows rows;
  @Inject FlightSnapshots snapshots;

  @Inject
  @Metric(name = "bookings-created", description = "Bookings confirmed")
  Counter created;

  @Inject
  @Metric(
      name = "bookings-failed",
      description = "Booking requests refused by flights or answered 503")
  Counter failed;

  @Inject
  @Metric(
      name = "bookings-cancelled",
      description = "Bookings cancelled by their owner or an admin")
  Counter cancelledCount;

  /** locale: the booker's language, which the booking and its events keep. */
  public Outcome book(
      String userId,
      long flightId,
      int seats,
      String name,
      String email,
      String locale,
      String key) {
    if (key != null) {
      Optional<Outcome> earlier = replay(userId, key);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    try {
      Outcome outcome = attempt(userId, flightId, seats, name, email, locale, key);
      if (!outcome.replayed()) {
        (outcome.status() == 201 ? created : failed).inc();
      }
      return outcome;
    } catch (RuntimeException e) {
      failed.inc();
      throw e;
    }
  }

  private Outcome attempt(
      String userId,
      long flightId,
      int seats,
      String name,
      String email,
      String locale,
      String key) {
    Booking.FlightSnapshot flight = snapshots.lookUp(flightId);
    if (!flight.departureTime().isAfter(Instant.now())) {
      flight = snapshots.fresh(flightId); // rescheduled since it was kept?
      if (!flight.departureTime().isAfter(Instant.now())) {
        throw new SeatsUnavailableException("The flight has departed.", null);
      }
    }
    Optional<Booking> created = rows.createPending(userId, flight, seats, name, email, locale, key);
    if (created.isEmpty()) {
      // a twin request with the same key got there first: answer what it answers, or 503 like it
      // when it could not reach flights and took its booking back
      return replay(userId, key)
          .orElseThrow(() -> new FlightsUnavailableException("flights is unreachable", null));
    }
    Booking booking = created.get();
    String reference = booking.getReference();
    Flights.Delivery delivery = new Flights.Delivery();
    Flights.Reserved reserved;
    try {
      reserved = flights.reserve(flightId, reference, seats, delivery);
    } catch (SeatsUnavailableException e) {
      snapshots.forget(flightId);
      store.refused(reference, e.getMessage(), 409);
      throw e;
    } catch (UnknownFlightException e) {
      snapshots.forget(flightId);
      store.refused(reference, e.getMessage(), 400);
      throw e;
    } catch (FlightsUnavailableException e) {
      if (!delivery.mayHaveArrived()) {
        rows.forget(booking); // flights never saw it: nothing to settle, no booking made
      }
      throw e;
    }
    Optional<Booking> confirmed = rows.confirm(booking, reserved, key);
    if (confirmed.isEmpty()) {
      // cancelled meanwhile, and its seats released by that cancel or the settlement
      String reason = "The booking was cancelled while it was being made.";
      store.refused(reference, reason, 409);
      throw new SeatsUnavailableException(reason, null);
    }
    return new Outcome(201, confirmed.get(), false);
  }

  /** Cancelled at once; seats go back now, or through the settlement when flights is down. */
  public Booking cancel(Booking booking) {
    if (booking.getStatus() == Booking.Status.CANCELLED) {
      return booking;
    }
    if (booking.hasDeparted(Instant.now())) {
      throw new SeatsUnavailableException(
          "The flight has departed; the booking can no longer be cancelled.", null);
    }
    store
        .cancel(booking.getReference(), "Cancelled on request.")
        .ifPresent(
            cancelled -> {
              cancelledCount.inc();
              release(cancelled);
            });
    return store.find(booking.getReference()).orElseThrow();
  }

  /**
   * Gives a booking's seats back; false when flights cannot be reached (the settlement retries).
   */
  public boolean release(Booking booking) {
    try {
      flights.release(booking.getFlightId(), booking.getReference());
      store.seatsReleased(booking.getReference());
      return true;
    } catch (FlightsUnavailableException e) {
      LOG.warning(
          () -> "Seats of " + booking.getReference() + " not released yet: " + e.getMessage());
      return false;
    }
  }

  /**
   * The first answer given to this user's key. While that first request is still under way, waits
   * for it; if its outcome stays unknown, answers 503 like the first request did.
   */
  private Optional<Outcome> replay(String userId, String key) {
    Instant deadline = Instant.now().plus(TWIN_WAIT);
    while (true) {
      Optional<IdempotencyKey> found = store.key(userId, key);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Optional<Booking> first = store.find(found.get().getBookingReference());
      if (first.isEmpty()) {
        return Optional.empty(); // taken back meanwhile (flights was unreachable)
      }
      Booking booking = first.get();
      Integer status = found.get().getResponseStatus();
      if (status != null) {
        return Optional.of(new Outcome(status, booking, true));
      }
      if (booking.getStatus() == Booking.Status.CANCELLED) {
        // cancelled by its owner while still PENDING, and the first request never answered
        return Optional.of(new Outcome(409, booking, true));
      }
      boolean young = booking.getCreatedAt().isAfter(Instant.now().minus(TWIN_WAIT));
      if (!young || Instant.now().isAfter(deadline)) {
        throw new FlightsUnavailableException(
            "The booking with this Idempotency-Key is still being settled.", null);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FlightsUnavailableException("interrupted", e);
      }
    }
  }
}
