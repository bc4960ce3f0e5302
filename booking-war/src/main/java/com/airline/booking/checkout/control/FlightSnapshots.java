package com.airline.booking.checkout.control;

import com.airline.booking.checkout.entity.Booking.FlightSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Flights as booking last looked them up, kept for booking.checkout.flight-cache-ttl: a flight's
 * number and airports never change, and its departure and price are taken again from the
 * reservation itself, under the flight's lock, when a booking is confirmed. So a booking costs one
 * call to flights, not two.
 */
@ApplicationScoped
public class FlightSnapshots {

  /** Far more than the flights on sale; only flights that exist are ever kept. */
  private static final int MAX_ENTRIES = 50_000;

  private record Entry(FlightSnapshot flight, Instant fetchedAt) {}

  @Inject Flights flights;

  @Inject
  @ConfigProperty(name = "booking.checkout.flight-cache-ttl")
  Duration ttl;

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public FlightSnapshot lookUp(long flightId) {
    Entry entry = entries.get(flightId);
    if (entry != null && entry.fetchedAt().plus(ttl).isAfter(Instant.now())) {
      return entry.flight();
    }
    return fresh(flightId);
  }

  /** Asks flights, bypassing what is kept (for instance before refusing a departed flight). */
  public FlightSnapshot fresh(long flightId) {
    FlightSnapshot flight;
    try {
      flight = flights.lookUp(flightId);
    } catch (UnknownFlightException e) {
      entries.remove(flightId);
      throw e;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(flightId, new Entry(flight, Instant.now()));
    return flight;
  }

  /** Flights said the flight is gone or departed: the next booking asks again. */
  public void forget(long flightId) {
    entries.remove(flightId);
  }
}
