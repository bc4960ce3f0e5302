package com.airline.reminder.schedule.entity;

import java.time.Instant;

/** The part of a booking event that the mails need. */
public record BookingDetails(
    String reference,
    String flightNumber,
    Instant departureTime,
    String departureAirport,
    String arrivalAirport,
    int seats,
    String passengerName,
    String passengerEmail) {}
