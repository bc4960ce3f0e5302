package com.airline.it;

import static com.airline.it.Http.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A catalogue of each test's own, made through the API as an admin: unique names and IATA codes.
 * Flight numbers start with an airline's designator, so each Catalogue makes an airline of its own
 * the first time it needs a flight number, and numbers its flights 1 to 9999 (then another).
 */
public final class Catalogue {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CODE_COUNT = 3 * 26 * 26;
  private static final Set<String> CODES = ConcurrentHashMap.newKeySet();
  private static final Set<String> NUMBERS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong NAMES = new AtomicLong();

  /**
   * The airline designators this run may create, each handed out once, in random order: every two
   * letters or digits (1,296) except T and a letter, which {@link #uniqueFlightNumber()} uses for
   * flights that never reach the flights service. A test run has a database of its own, so only the
   * run's own airlines can take one; a 409 anyway just moves on to the next.
   */
  private static final ConcurrentLinkedQueue<String> DESIGNATORS = designators();

  /** The last flight number given out per airline of this run. */
  private static final Map<String, AtomicInteger> FLIGHT_NUMBERS = new ConcurrentHashMap<>();

  private static final int LAST_FLIGHT_NUMBER = 9999;

  private final Http admin;
  private final String token;

  /** The airline this catalogue numbers its flights with; made on first use. */
  private String airline;

  private Catalogue(Http admin) {
    this.admin = admin;
    this.token = admin.token();
  }

  private static ConcurrentLinkedQueue<String> designators() {
    String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    List<String> all = new ArrayList<>();
    for (char first : characters.toCharArray()) {
      for (char second : characters.toCharArray()) {
        if (first != 'T' || !Character.isLetter(second)) {
          all.add("" + first + second);
        }
      }
    }
    Collections.shuffle(all, RANDOM);
    return new ConcurrentLinkedQueue<>(all);
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

  /**
   * A flight number (two letters, 1 to 4 digits) no other test of this run has used, of an airline
   * that does not exist: for events and rows that never reach the flights service. Flights created
   * through the API take {@link #flightNumber()}.
   */
  public static String uniqueFlightNumber() {
    while (true) {
      String number = "T" + (char) ('A' + RANDOM.nextInt(26)) + (1 + RANDOM.nextInt(9999));
      if (NUMBERS.add(number)) {
        return number;
      }
    }
  }

  /**
   * An airline designator no other test of this run has been given; the caller may create it. There
   * are 1,270: a test takes one per airline it needs, never one per flight.
   */
  public static String uniqueDesignator() {
    String code = DESIGNATORS.poll();
    if (code == null) {
      throw new IllegalStateException("every airline designator of this run is used");
    }
    return code;
  }

  /** A new active airline with a designator of its own; answers its designator. */
  public String airline() {
    while (true) {
      String code = uniqueDesignator();
      Http.Reply reply =
          admin.post(
              "/api/v1/airlines",
              json(
                  "code",
                  code,
                  "name",
                  uniqueName("Airline " + code),
                  "country",
                  "NL",
                  "active",
                  JsonValue.TRUE));
      if (reply.status() == 201) {
        return code;
      }
      if (reply.status() != 409) {
        throw new IllegalStateException("expected 201: " + reply);
      }
    }
  }

  /**
   * The next flight number of this catalogue's own airline, which is made the first time and
   * replaced by a new one once its numbers run out.
   */
  public synchronized String flightNumber() {
    if (airline == null) {
      airline = airline();
    }
    String number = nextNumber(airline);
    if (number == null) {
      airline = airline();
      number = nextNumber(airline);
    }
    return number;
  }

  /** The next flight number of a test's own airline; fails once its 9,999 are used. */
  public static String flightNumber(String airline) {
    String number = nextNumber(airline);
    if (number == null) {
      throw new IllegalStateException("airline " + airline + " has no flight numbers left");
    }
    return number;
  }

  private static String nextNumber(String airline) {
    int next = FLIGHT_NUMBERS.computeIfAbsent(airline, a -> new AtomicInteger()).incrementAndGet();
    return next > LAST_FLIGHT_NUMBER ? null : airline + next;
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

  /** The same, numbered by the given airline (one of the test's own, see {@link #airline()}). */
  public JsonObject flight(
      String airline,
      String from,
      String to,
      Instant departure,
      int minutes,
      String price,
      int capacity) {
    return created(
        admin.post(
            "/api/v1/flights",
            body(flightNumber(airline), from, to, departure, minutes, price, airplane(capacity))));
  }

  public JsonObject flight(int capacity) {
    return flight(
        airport(), airport(), Instant.now().plus(3, ChronoUnit.DAYS), 90, "120.00", capacity);
  }

  /** The id of a new {@link #flight(int)}. */
  public long flightId(int capacity) {
    return flight(capacity).getJsonNumber("id").longValue();
  }

  /** A valid POST /flights body with the next of this catalogue's flight numbers. */
  public JsonObject flightBody(
      String from, String to, Instant departure, int minutes, String price, long airplaneId) {
    return body(flightNumber(), from, to, departure, minutes, price, airplaneId);
  }

  private static JsonObject body(
      String number,
      String from,
      String to,
      Instant departure,
      int minutes,
      String price,
      long airplaneId) {
    return json(
        "flightNumber",
        number,
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
