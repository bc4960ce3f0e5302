package com.airline.flights.catalogue.boundary;

import com.airline.flights.catalogue.entity.Airplane;

public record AirplaneInfo(long id, String model, int capacity) {

  public static AirplaneInfo from(Airplane airplane) {
    return new AirplaneInfo(airplane.getId(), airplane.getModel(), airplane.getCapacity());
  }
}
