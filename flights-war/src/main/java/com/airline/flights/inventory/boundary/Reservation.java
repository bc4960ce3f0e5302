package com.airline.flights.inventory.boundary;

/** A reservation and the seats the flight has left after it. */
public record Reservation(
    long flightId, String bookingReference, int seats, String status, int availableSeats) {}
