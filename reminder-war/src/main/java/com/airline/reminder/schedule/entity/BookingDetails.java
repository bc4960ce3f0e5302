package com.airline.reminder.schedule.entity;

import java.time.Instant;

/**
 * The part of a booking event that the mails need. The airline and the locale came later and are
 * null for events without them: the airline code is then the flight number's first two characters
 * and the name unknown; the mails are English.
 */
public record BookingDetails(
    String reference,
    String flightNumber,
    Instant departureTime,
    String departureAirport,
    String arrivalAirport,
    int seats,
    String passengerName,
    String passengerEmail,
    String airlineCode,
    String airlineName,
    String locale) {}
