package com.airline.it;

import static com.airline.it.Http.json;

/** Bookings made through the API, as a passenger makes them. */
public final class Bookings {

  private Bookings() {}

  /** POST /bookings by the client given (a user's token, at the gateway or at booking). */
  public static Http.Reply book(
      Http as, long flight, int seats, String passengerName, String passengerEmail) {
    return as.post(
        "/api/v1/bookings",
        json(
            "flightId",
            flight,
            "seats",
            seats,
            "passengerName",
            passengerName,
            "passengerEmail",
            passengerEmail));
  }
}
