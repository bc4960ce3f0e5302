package com.airline.reminder.templates.control;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What a mail says about a booking; airlineName may be null (unknown). */
public record BookingFacts(
    String passengerName,
    String reference,
    String airlineCode,
    String airlineName,
    String flightNumber,
    String departureAirport,
    String arrivalAirport,
    Instant departureTime,
    int seats) {

  /** The booking a preview renders: three days ahead, at a full hour. */
  public static BookingFacts sample() {
    return new BookingFacts(
        "Ada Lovelace",
        "K7QX3M",
        "LH",
        "Lufthansa",
        "LH400",
        "FRA",
        "JFK",
        Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS),
        2);
  }
}
