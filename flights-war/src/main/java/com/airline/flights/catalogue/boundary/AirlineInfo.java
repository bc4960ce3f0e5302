package com.airline.flights.catalogue.boundary;

import com.airline.flights.catalogue.entity.Airline;

public record AirlineInfo(String code, String icao, String name, String country, boolean active) {

  public static AirlineInfo from(Airline airline) {
    return new AirlineInfo(
        airline.getCode(),
        airline.getIcao(),
        airline.getName(),
        airline.getCountry(),
        airline.isActive());
  }
}
