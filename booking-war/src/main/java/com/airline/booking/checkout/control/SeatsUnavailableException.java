package com.airline.booking.checkout.control;

/** Flights refused the seats: too few left, departed, or the reservation was released. */
public class SeatsUnavailableException extends RuntimeException {

  private final Integer availableSeats;

  public SeatsUnavailableException(String message, Integer availableSeats) {
    super(message);
    this.availableSeats = availableSeats;
  }

  public Integer availableSeats() {
    return availableSeats;
  }
}
