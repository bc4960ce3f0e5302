package com.airline.flights.catalogue.boundary;

import com.airline.flights.catalogue.entity.City;

public record CityInfo(long id, String name, String country) {

  public static CityInfo from(City city) {
    return new CityInfo(city.getId(), city.getName(), city.getCountry());
  }
}
