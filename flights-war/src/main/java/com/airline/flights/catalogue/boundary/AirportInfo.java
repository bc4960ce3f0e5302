package com.airline.flights.catalogue.boundary;

import com.airline.flights.catalogue.entity.Airport;

public record AirportInfo(String code, String name, CityInfo city) {

  public static AirportInfo from(Airport airport) {
    return new AirportInfo(airport.getCode(), airport.getName(), CityInfo.from(airport.getCity()));
  }
}
