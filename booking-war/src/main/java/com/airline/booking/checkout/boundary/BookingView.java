package com.airline.booking.checkout.boundary;

import com.airline.booking.checkout.entity.Booking;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * A booking as the API shows it; money is a decimal string with two places. The airline is the
 * flight's when the booking was made; locale is the booker's language.
 */
public record BookingView(
    String reference,
    String status,
    String userId,
    long flightId,
    String flightNumber,
    Carrier airline,
    Instant departureTime,
    int seats,
    String totalPrice,
    String currency,
    String passengerName,
    String passengerEmail,
    String locale,
    Instant createdAt,
    Instant updatedAt) {

  public record Carrier(String code, String name) {}

  public static BookingView from(Booking booking) {
    return new BookingView(
        booking.getReference(),
        booking.getStatus().name(),
        booking.getUserId(),
        booking.getFlightId(),
        booking.getFlightNumber(),
        new Carrier(booking.getAirlineCode(), booking.getAirlineName()),
        booking.getDepartureTime(),
        booking.getSeats(),
        booking.getTotalPrice().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
        booking.getCurrency(),
        booking.getPassengerName(),
        booking.getPassengerEmail(),
        booking.getLocale(),
        booking.getCreatedAt(),
        booking.getUpdatedAt());
  }
}
