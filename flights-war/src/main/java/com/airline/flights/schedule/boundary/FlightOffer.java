package com.airline.flights.schedule.boundary;

import com.airline.flights.catalogue.boundary.AirplaneInfo;
import com.airline.flights.catalogue.boundary.AirportInfo;
import com.airline.flights.schedule.entity.Flight;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A flight as the API shows it; money is a decimal string with two places. */
public record FlightOffer(
    long id,
    String flightNumber,
    Carrier airline,
    AirplaneInfo airplane,
    AirportInfo departureAirport,
    AirportInfo arrivalAirport,
    Instant departureTime,
    Instant arrivalTime,
    String price,
    String currency,
    int totalSeats,
    int availableSeats) {

  public static FlightOffer from(Flight flight) {
    return new FlightOffer(
        flight.getId(),
        flight.getFlightNumber(),
        Carrier.from(flight.getAirline()),
        AirplaneInfo.from(flight.getAirplane()),
        AirportInfo.from(flight.getDepartureAirport()),
        AirportInfo.from(flight.getArrivalAirport()),
        flight.getDepartureTime(),
        flight.getArrivalTime(),
        money(flight.getPrice()),
        flight.getCurrency(),
        flight.getTotalSeats(),
        flight.getAvailableSeats());
  }

  public static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }
}
