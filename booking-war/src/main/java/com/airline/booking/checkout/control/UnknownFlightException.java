package com.airline.booking.checkout.control;

public class UnknownFlightException extends RuntimeException {

  public UnknownFlightException(long flightId) {
    super("No flight with id " + flightId + ".");
  }
}
