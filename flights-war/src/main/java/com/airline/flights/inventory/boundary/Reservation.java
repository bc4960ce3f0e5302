package com.airline.flights.inventory.boundary;

import com.airline.flights.inventory.entity.SeatReservation;

/** A reservation and the seats the flight has left after it. */
public record Reservation(
    long flightId, String bookingReference, int seats, String status, int availableSeats) {

  static Reservation of(long flightId, SeatReservation reservation, int availableSeats) {
    return new Reservation(
        flightId,
        reservation.getBookingReference(),
        reservation.getSeats(),
        reservation.getStatus().name(),
        availableSeats);
  }
}
