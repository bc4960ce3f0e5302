package com.airline.flights.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The demo catalogue as plain values: no database, so tests can check it without a server. */
final class DemoSchedule {

  record DemoAirport(
      String code, String name, String city, String country, double latitude, double longitude) {}

  record DemoAirplane(String model, int capacity) {}

  /** A real airline, and the airport pairs ("LHR-DUB") it flies in both directions. */
  record DemoAirline(String code, String icao, String name, String country, List<String> routes) {}

  record DemoFlight(
      String number,
      String from,
      String to,
      Instant departsAt,
      Instant arrivesAt,
      DemoAirplane airplane,
      BigDecimal price) {}

  /** Ordered by size: the schedule picks by index ranges for short, medium and long haul. */
  static final List<DemoAirplane> AIRPLANES =
      List.of(
          new DemoAirplane("ATR 72-600", 72),
          new DemoAirplane("Embraer E190", 100),
          new DemoAirplane("Airbus A320neo", 180),
          new DemoAirplane("Boeing 737-800", 189),
          new DemoAirplane("Airbus A321neo", 220),
          new DemoAirplane("Boeing 787-9", 290),
          new DemoAirplane("Airbus A350-900", 325),
          new DemoAirplane("Boeing 777-300ER", 396));

  static final String CURRENCY = "USD";
  private static final long SEED = 20_240_601L;
  private static final double SHORT_HAUL_KM = 1_500, LONG_HAUL_KM = 4_500;

  /** The airports in demo/airports.csv. */
  static List<DemoAirport> airports() {
    return csv("/demo/airports.csv").stream()
        .map(
            f ->
                new DemoAirport(
                    f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5])))
        .toList();
  }

  /** The airlines in demo/airlines.csv; routes are separated by spaces. */
  static List<DemoAirline> airlines() {
    return csv("/demo/airlines.csv").stream()
        .map(f -> new DemoAirline(f[0], f[1], f[2], f[3], List.of(f[4].split(" "))))
        .toList();
  }

  /** The rows of a CSV resource after its header line, split at every comma. */
  private static List<String[]> csv(String resource) {
    try (BufferedReader csv =
        new BufferedReader(
            new InputStreamReader(
                DemoSchedule.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return csv.lines()
          .skip(1)
          .filter(line -> !line.isBlank())
          .map(line -> line.split(","))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A timetable like an airline's: each route keeps its weekdays, departure times and aircraft;
   * only prices move from day to day. The fixed seed makes every start produce the same schedule.
   */
  static List<DemoFlight> schedule(
      List<DemoAirport> airports, List<DemoAirline> airlines, LocalDate firstDay, int days) {
    Map<String, DemoAirport> byCode = new HashMap<>();
    airports.forEach(airport -> byCode.put(airport.code(), airport));
    Random random = new Random(SEED);
    List<DemoFlight> flights = new ArrayList<>();
    for (DemoAirline airline : airlines) {
      List<String> pairs = airline.routes();
      for (int p = 0; p < pairs.size(); p++) {
        DemoAirport a = airport(byCode, pairs.get(p).substring(0, 3));
        DemoAirport b = airport(byCode, pairs.get(p).substring(4));
        double km = distanceKm(a, b);
        Duration duration = Duration.ofMinutes(Math.round((km / 800 * 60 + 30) / 5) * 5);
        // One in six routes below long haul is busy (twice daily); the rest fly 3 to 5 weekdays.
        boolean busy = km < LONG_HAUL_KM && random.nextInt(6) == 0;
        int slots = busy ? 2 : 1;
        List<DayOfWeek> weekdays = new ArrayList<>(Arrays.asList(DayOfWeek.values()));
        Collections.shuffle(weekdays, random);
        List<DayOfWeek> operating = weekdays.subList(0, busy ? 7 : 3 + random.nextInt(3));
        for (int slot = 0; slot < slots; slot++) {
          for (int direction = 0; direction < 2; direction++) {
            DemoAirport from = direction == 0 ? a : b, to = direction == 0 ? b : a;
            // Outbound odd, return even, as airlines number them.
            String number = airline.code() + (101 + 10 * p + 2 * slot + direction);
            // Five-minute steps from 06:00 to 21:55 UTC; twice daily means once before 14:00.
            int steps = slots == 1 ? 192 : 96;
            LocalTime departs =
                LocalTime.of(6 + 8 * slot, 0).plusMinutes(5 * random.nextInt(steps));
            DemoAirplane airplane = airplane(km, random);
            for (int d = 0; d < days; d++) {
              LocalDate day = firstDay.plusDays(d);
              if (!operating.contains(day.getDayOfWeek())) continue;
              Instant departsAt = day.atTime(departs).toInstant(ZoneOffset.UTC);
              double fare = (40 + 0.09 * km) * (0.8 + 0.4 * random.nextDouble());
              flights.add(
                  new DemoFlight(
                      number,
                      from.code(),
                      to.code(),
                      departsAt,
                      departsAt.plus(duration),
                      airplane,
                      BigDecimal.valueOf(fare).setScale(2, RoundingMode.HALF_UP)));
            }
          }
        }
      }
    }
    return flights;
  }

  private static DemoAirport airport(Map<String, DemoAirport> byCode, String code) {
    DemoAirport airport = byCode.get(code);
    if (airport == null) throw new IllegalStateException("No demo airport " + code);
    return airport;
  }

  private static DemoAirplane airplane(double km, Random random) {
    // Turboprops only on hops under 800 km; wide-bodies only where the range needs them.
    if (km < 800) return AIRPLANES.get(random.nextInt(3));
    if (km < SHORT_HAUL_KM) return AIRPLANES.get(1 + random.nextInt(2));
    if (km < LONG_HAUL_KM) return AIRPLANES.get(3 + random.nextInt(2));
    return AIRPLANES.get(5 + random.nextInt(3));
  }

  /** Great-circle distance (haversine) on a spherical Earth of radius 6,371 km. */
  static double distanceKm(DemoAirport a, DemoAirport b) {
    double dLat = Math.toRadians(b.latitude() - a.latitude());
    double dLon = Math.toRadians(b.longitude() - a.longitude());
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude()))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6_371 * Math.asin(Math.sqrt(h));
  }
}
