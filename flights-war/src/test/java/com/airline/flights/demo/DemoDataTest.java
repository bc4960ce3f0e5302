package com.airline.flights.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.flights.demo.DemoSchedule.DemoAirline;
import com.airline.flights.demo.DemoSchedule.DemoAirport;
import com.airline.flights.demo.DemoSchedule.DemoFlight;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 3, 2);
  private static final Pattern FLIGHT_NUMBER = Pattern.compile("[A-Z0-9]{2}[0-9]{1,4}");

  private final List<DemoAirport> airports = DemoSchedule.airports();
  private final List<DemoAirline> airlines = DemoSchedule.airlines();
  private final List<DemoFlight> flights = DemoSchedule.schedule(airports, airlines, FIRST_DAY, 60);

  @Test
  void airports_areRealCitiesWithUniqueCodesAndValidFields() {
    assertTrue(airports.size() >= 40, "cities: " + airports.size());
    Set<String> codes = new HashSet<>();
    Set<String> cities = new HashSet<>();
    for (DemoAirport airport : airports) {
      assertTrue(airport.code().matches("[A-Z]{3}"), airport.code());
      assertTrue(codes.add(airport.code()), "duplicate code " + airport.code());
      // city (name, country) is unique in the schema
      assertTrue(cities.add(airport.city() + "/" + airport.country()), airport.city());
      assertTrue(airport.country().matches("[A-Z]{2}"), airport.country());
      assertFalse(airport.name().isBlank());
      assertTrue(Math.abs(airport.latitude()) <= 90 && Math.abs(airport.longitude()) <= 180);
    }
  }

  @Test
  void schedule_hasThousandsOfFlightsOnEveryOneOfTheSixtyDays() {
    assertTrue(flights.size() >= 2_000, "flights: " + flights.size());
    Set<LocalDate> days =
        flights.stream()
            .map(f -> LocalDate.ofInstant(f.departsAt(), ZoneOffset.UTC))
            .collect(Collectors.toSet());
    assertEquals(60, days.size());
    assertTrue(days.contains(FIRST_DAY) && days.contains(FIRST_DAY.plusDays(59)));
  }

  @Test
  void schedule_flightsSatisfyTheSchemaConstraints() {
    Set<String> numberAndDeparture = new HashSet<>();
    for (DemoFlight flight : flights) {
      assertTrue(FLIGHT_NUMBER.matcher(flight.number()).matches(), flight.number());
      assertTrue(
          numberAndDeparture.add(flight.number() + "@" + flight.departsAt()),
          "duplicate " + flight);
      assertNotEquals(flight.from(), flight.to());
      Duration duration = Duration.between(flight.departsAt(), flight.arrivesAt());
      assertTrue(
          duration.compareTo(Duration.ofMinutes(30)) >= 0
              && duration.compareTo(Duration.ofHours(20)) <= 0,
          flight + " takes " + duration);
      assertTrue(flight.price().compareTo(BigDecimal.ZERO) > 0, flight.toString());
      assertEquals(2, flight.price().scale(), flight.toString());
      assertTrue(flight.airplane().capacity() > 0);
    }
  }

  @Test
  void schedule_servesEveryAirportInBothDirections() {
    Set<String> departures = flights.stream().map(DemoFlight::from).collect(Collectors.toSet());
    Set<String> arrivals = flights.stream().map(DemoFlight::to).collect(Collectors.toSet());
    Set<String> codes = airports.stream().map(DemoAirport::code).collect(Collectors.toSet());
    assertEquals(codes, departures);
    assertEquals(codes, arrivals);
  }

  @Test
  void schedule_londonToNewYorkTakesAboutSevenAndAHalfHours() {
    List<DemoFlight> lhrJfk =
        flights.stream().filter(f -> f.from().equals("LHR") && f.to().equals("JFK")).toList();
    assertFalse(lhrJfk.isEmpty());
    for (DemoFlight flight : lhrJfk) {
      Duration duration = Duration.between(flight.departsAt(), flight.arrivesAt());
      assertTrue(
          duration.compareTo(Duration.ofHours(7)) > 0
              && duration.compareTo(Duration.ofHours(9)) < 0,
          duration.toString());
      assertTrue(flight.airplane().capacity() >= 250, "a wide-body: " + flight.airplane());
    }
  }

  @Test
  void schedule_isTheSameOnEveryStart() {
    assertEquals(flights, DemoSchedule.schedule(airports, airlines, FIRST_DAY, 60));
  }

  @Test
  void airlines_areAtLeastTwelveWithUniqueValidCodes() {
    assertTrue(airlines.size() >= 12, "airlines: " + airlines.size());
    Set<String> codes = new HashSet<>();
    Set<String> icaos = new HashSet<>();
    Set<String> countries = Set.of(Locale.getISOCountries());
    for (DemoAirline airline : airlines) {
      assertTrue(airline.code().matches("[A-Z0-9]{2}"), airline.code());
      assertTrue(airline.icao().matches("[A-Z]{3}"), airline.icao());
      assertTrue(codes.add(airline.code()), "duplicate code " + airline.code());
      assertTrue(icaos.add(airline.icao()), "duplicate ICAO code " + airline.icao());
      assertTrue(countries.contains(airline.country()), airline.country());
      assertFalse(airline.name().isBlank());
      assertFalse(airline.routes().isEmpty(), airline.code() + " flies nowhere");
    }
  }

  @Test
  void schedule_everyFlightNumberStartsWithADemoAirline_andEveryAirlineFlies() {
    Set<String> codes = airlines.stream().map(DemoAirline::code).collect(Collectors.toSet());
    Set<String> flying =
        flights.stream().map(f -> f.number().substring(0, 2)).collect(Collectors.toSet());
    assertEquals(codes, flying);
  }

  @Test
  void schedule_londonToDublinIsAerLingus() {
    assertTrue(
        flights.stream()
            .filter(f -> f.from().equals("LHR") && f.to().equals("DUB"))
            .allMatch(f -> f.number().startsWith("EI")));
  }
}
