package com.airline.flights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FLIGHTS_DEMO_DATA=true on an empty catalogue: a flights instance with a database of its own
 * starts with the demo's 50 cities and airports, 30 airlines, 8 airplanes and about 4,000 flights
 * over 60 days, all searchable, loaded once when two instances start together on it; a later start
 * on the same database loads nothing more.
 */
class DemoCatalogueIT {

  static final String DATABASE = "it_flights_demo_" + Airline.RUN;

  static int total(Http flights, String path) {
    Http.Reply reply = flights.get(path);
    assertEquals(200, reply.status(), path + ": " + reply.body());
    return reply.json().getInt("totalItems");
  }

  static List<Integer> totals(Http flights) {
    return List.of(
        total(flights, "/api/v1/cities?size=1"),
        total(flights, "/api/v1/airports?size=1"),
        total(flights, "/api/v1/airplanes?size=1"),
        total(flights, "/api/v1/airlines?size=1"),
        total(flights, "/api/v1/flights?size=1"));
  }

  /**
   * Starts the demo instance, on an empty database of its own; ready means its catalogue is loaded
   * (the start-up loads it before the instance reports ready).
   */
  static Http startDemo(int replicas) {
    Http flights =
        Http.to(
            Airline.startInstance(
                "flights",
                "demo-flights",
                11,
                Map.of("FLIGHTS_DB_NAME", DATABASE, "FLIGHTS_DEMO_DATA", "true"),
                replicas));
    Http.Reply cities = flights.get("/api/v1/cities?size=1");
    assertEquals(200, cities.status(), cities.body());
    assertTrue(cities.json().getInt("totalItems") > 0, "ready before its catalogue: " + cities);
    return flights;
  }

  @Test
  void anEmptyCatalogue_getsTheDemoData_searchable_andOnlyOnce() {
    // two instances starting together on the empty catalogue: one loads it, the other waits
    Http flights = startDemo(2);
    try {
      List<Integer> loaded = totals(flights);
      Http second = Http.to(java.net.URI.create("http://127.0.0.1:" + (Airline.basePort() + 111)));
      assertEquals(loaded, totals(second), "what the second instance sees");
      assertEquals(50, loaded.get(0), "cities");
      assertEquals(50, loaded.get(1), "airports");
      assertEquals(8, loaded.get(2), "airplanes");
      assertEquals(30, loaded.get(3), "airlines");
      assertTrue(loaded.get(4) > 3_000 && loaded.get(4) < 5_000, "flights: " + loaded.get(4));
      JsonObject lufthansa = flights.get("/api/v1/airlines/LH").json();
      assertEquals("DLH", lufthansa.getString("icao"), lufthansa.toString());
      assertEquals("DE", lufthansa.getString("country"));
      Http.Reply byAirline = flights.get("/api/v1/flights?from=FRA&airline=LH,TK&size=100");
      assertTrue(byAirline.json().getInt("totalItems") > 0, byAirline.body());
      for (var flight : byAirline.json().getJsonArray("items")) {
        String code = flight.asJsonObject().getJsonObject("airline").getString("code");
        assertTrue(code.equals("LH") || code.equals("TK"), flight.toString());
      }

      JsonObject heathrow = flights.get("/api/v1/airports/LHR").json();
      assertEquals("London Heathrow Airport", heathrow.getString("name"), heathrow.toString());
      assertEquals(1, total(flights, "/api/v1/cities?name=Dublin"));

      // LHR-DUB flies three to seven weekdays: some of the next seven days have flights
      List<JsonObject> week = new ArrayList<>();
      LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
      for (int d = 0; d < 7; d++) {
        Http.Reply day =
            flights.get("/api/v1/flights?from=LHR&to=DUB&date=" + tomorrow.plusDays(d));
        assertEquals(200, day.status(), day.body());
        day.json().getJsonArray("items").forEach(f -> week.add((JsonObject) f));
      }
      assertTrue(week.size() >= 3, "LHR-DUB flights in a week: " + week.size());
      for (JsonObject flight : week) {
        assertEquals("LHR", flight.getJsonObject("departureAirport").getString("code"));
        assertEquals("DUB", flight.getJsonObject("arrivalAirport").getString("code"));
        assertTrue(flight.getString("flightNumber").startsWith("EI"), flight.toString());
        assertEquals("Aer Lingus", flight.getJsonObject("airline").getString("name"));
        assertEquals("USD", flight.getString("currency"));
        assertEquals(flight.getInt("totalSeats"), flight.getInt("availableSeats"));
        assertEquals(
            flight.getJsonObject("airplane").getInt("capacity"), flight.getInt("totalSeats"));
        long id = flight.getJsonNumber("id").longValue();
        assertEquals(200, flights.get("/api/v1/flights/" + id).status());
      }

      Airline.stopInstance("demo-flights");
      flights = startDemo(1);
      assertEquals(loaded, totals(flights), "a start on a catalogue with data loads nothing");
    } finally {
      Airline.stopInstance("demo-flights");
    }
  }
}
