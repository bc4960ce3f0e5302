package com.airline.flights.schedule.boundary;

import com.airline.flights.catalogue.entity.Airline;

/** The airline a flight belongs to, as a flight shows it. */
public record Carrier(String code, String name) {

  public static Carrier from(Airline airline) {
    return new Carrier(airline.getCode(), airline.getName());
  }
}
