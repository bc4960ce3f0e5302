package com.airline.it;

import static com.airline.it.Http.json;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A catalogue of each test's own, made through the API as an admin: unique names and IATA codes.
 */
public final class Catalogue {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CODE_COUNT = 3 * 26 * 26;
  private static final Set<String> CODES = ConcurrentHashMap.newKeySet();
  private static final Set<String> NUMBERS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong NAMES = new AtomicLong();

  private final Http admin;
  private final String token;

  private Catalogue(Http admin) {
    this.admin = admin;
    this.token = admin.token();
  }

  /** An admin signed in at auth, sending to the service or gateway given with {@link #on}. */
  public static Catalogue asAdmin(Http auth) {
    return new Catalogue(auth.as(TestUsers.admin(auth).token()));
  }

  /** The admin's client, for calls this class has no shortcut for. */
  public Http admin() {
    return admin;
  }

  public Catalogue on(Http target) {
    return new Catalogue(target.as(token));
  }

  /**
   * A 3-letter code no other test of this run has used; starting with Q, J or X keeps clear of real
   * ones.
   */
  public static String uniqueCode() {
    while (true) {
      if (CODES.size() >= CODE_COUNT) {
        throw new IllegalStateException("every test code is used: " + CODE_COUNT);
      }
      String code =
          ""
              + "QJX".charAt(RANDOM.nextInt(3))
              + (char) ('A' + RANDOM.nextInt(26))
              + (char) ('A' + RANDOM.nextInt(26));
      if (CODES.add(code)) {
        return code;
      }
    }
  }

  /**
   * A well-formed airport code that no test of this run creates: taken from {@link #uniqueCode()}'s
   * codes, so that it is never handed out to be created.
   */
  public static String unknownCode() {
    return uniqueCode();
  }

  /** A flight number (two letters, 1 to 4 digits) no other test of this run has used. */
  public static String uniqueFlightNumber() {
    while (true) {
      String number = "T" + (char) ('A' + RANDOM.nextInt(26)) + (1 + RANDOM.nextInt(9999));
      if (NUMBERS.add(number)) {
        return number;
      }
    }
  }

  /** A name no other test of this run has used: the hint and a number. */
  public static String uniqueName(String hint) {
    return hint + " " + NAMES.incrementAndGet();
  }

  public long city() {
    Http.Reply reply =
        admin.post("/api/v1/cities", json("name", uniqueName("City"), "country", "NL"));
    return created(reply).getJsonNumber("id").longValue();
  }

  public String airport() {
    String code = uniqueCode();
    created(
        admin.post(
            "/api/v1/airports", json("code", code, "name", "Airport " + code, "cityId", city())));
    return code;
  }

  public long airplane(int capacity) {
    return created(
            admin.post(
                "/api/v1/airplanes", json("model", "Test " + capacity, "capacity", capacity)))
        .getJsonNumber("id")
        .longValue();
  }

  /**
   * A flight from, to, departing at, lasting minutes, at price, on an airplane with capacity seats.
   */
  public JsonObject flight(
      String from, String to, Instant departure, int minutes, String price, int capacity) {
    return created(
        admin.post(
            "/api/v1/flights",
            flightBody(from, to, departure, minutes, price, airplane(capacity))));
  }

  public JsonObject flight(int capacity) {
    return flight(
        airport(), airport(), Instant.now().plus(3, ChronoUnit.DAYS), 90, "120.00", capacity);
  }

  /** The id of a new {@link #flight(int)}. */
  public long flightId(int capacity) {
    return flight(capacity).getJsonNumber("id").longValue();
  }

  public static JsonObject flightBody(
      String from, String to, Instant departure, int minutes, String price, long airplaneId) {
    return json(
        "flightNumber",
        uniqueFlightNumber(),
        "airplaneId",
        airplaneId,
        "departureAirport",
        from,
        "arrivalAirport",
        to,
        "departureTime",
        departure.truncatedTo(ChronoUnit.SECONDS).toString(),
        "arrivalTime",
        departure.truncatedTo(ChronoUnit.SECONDS).plus(minutes, ChronoUnit.MINUTES).toString(),
        "price",
        price,
        "currency",
        "EUR");
  }

  /** Makes the flight one that left an hour ago: the API takes no departure in the past. */
  public static void departed(long flight) {
    Sql.update(
        "flights",
        "UPDATE flight SET departs_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR,"
            + " arrives_at = UTC_TIMESTAMP() WHERE id = ?",
        flight);
  }

  private static JsonObject created(Http.Reply reply) {
    if (reply.status() != 201) {
      throw new IllegalStateException("expected 201: " + reply);
    }
    return reply.json();
  }
}
