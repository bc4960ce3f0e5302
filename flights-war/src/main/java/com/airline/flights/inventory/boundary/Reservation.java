package com.airline.flights.inventory.boundary;

import com.airline.flights.inventory.control.SeatInventory;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A reservation, the seats the flight has left after it, and the flight's departure and price as
 * they stood when the seats were taken: what the booking records.
 */
public record Reservation(
    long flightId,
    String bookingReference,
    int seats,
    String status,
    int availableSeats,
    Instant departureTime,
    String price,
    String currency) {

  static Reservation of(long flightId, String reference, SeatInventory.Outcome outcome) {
    return new Reservation(
        flightId,
        reference,
        outcome.seats(),
        "HELD",
        outcome.availableSeats(),
        outcome.departureTime(),
        outcome.price().setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
        outcome.currency());
  }
}
