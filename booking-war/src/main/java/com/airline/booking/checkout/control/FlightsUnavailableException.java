package com.airline.booking.checkout.control;

/**
 * Flights did not answer, answered 5xx, or its circuit is open: the outcome of the call is unknown.
 */
public class FlightsUnavailableException extends RuntimeException {

  public FlightsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
