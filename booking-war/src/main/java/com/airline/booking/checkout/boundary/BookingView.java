package com.airline.booking.checkout.boundary;

import com.airline.booking.checkout.entity.Booking;
import java.math.RoundingMode;
import java.time.Instant;

/** A booking as the API shows it; money is a decimal string with two places. */
public record BookingView(
    String reference,
    String status,
    String userId,
    long flightId,
    String flightNumber,
    Instant departureTime,
    int seats,
    String totalPrice,
    String currency,
    String passengerName,
    String passengerEmail,
    Instant createdAt,
    Instant updatedAt) {

  public static BookingView from(Booking booking) {
    return new BookingView(
        booking.getReference(),
        booking.getStatus().name(),
        booking.getUserId(),
        booking.getFlightId(),
        booking.getFlightNumber(),
        booking.getDepartureTime(),
        booking.getSeats(),
        booking.getTotalPrice().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        booking.getCurrency(),
        booking.getPassengerName(),
        booking.getPassengerEmail(),
        booking.getCreatedAt(),
        booking.getUpdatedAt());
  }
}
