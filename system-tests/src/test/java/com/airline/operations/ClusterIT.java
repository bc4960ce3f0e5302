package com.airline.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Sql;
import com.airline.it.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two booking and two flights instances of the run's grid behind the run's gateway, under load:
 * rolling deploys lose no request, a booking instance killed with SIGKILL loses no booking, and
 * seats sold always equal seats in confirmed bookings.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final int FLIGHTS = 10;
  private static final int CAPACITY = 1_000;
  private static final int BOOKERS = 4;
  private static final int SEARCHERS = 2;

  /**
   * Each worker's pause between requests: a steady load (some 60 requests a second) that leaves the
   * two cores room to start the redeployed instances; flat out, each start took minutes.
   */
  private static final long PAUSE_MILLIS = 50;

  static Http gateway;
  static final List<Long> flights = new java.util.concurrent.CopyOnWriteArrayList<>();
  static final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
  static List<Http> users = new ArrayList<>();

  @BeforeAll
  static void start() {
    Airline.start("auth", "flights", "booking", "reminder", "gateway");
    gateway = Http.to(Airline.url("gateway"));
    Airline.startReplica("flights", 2);
    Airline.startReplica("booking", 2);
    for (int i = 0; i < BOOKERS; i++) {
      users.add(gateway.as(TestUsers.signUp(Http.to(Airline.url("auth"))).token()));
    }
  }

  /** Flights of the test's own, so that one test's sales never leave the next none to sell. */
  private static void newFlights() {
    flights.clear();
    routes.clear();
    Catalogue catalogue = Catalogue.asAdmin(Http.to(Airline.url("auth"))).on(gateway);
    for (int i = 0; i < FLIGHTS; i++) {
      String from = catalogue.airport();
      String to = catalogue.airport();
      var flight =
          catalogue.flight(
              from, to, Instant.now().plus(Duration.ofDays(3)), 90, "120.00", CAPACITY);
      flights.add(flight.getJsonNumber("id").longValue());
      routes.add("/api/v1/flights?from=" + from + "&to=" + to);
    }
  }

  @AfterAll
  static void stop() {
    Airline.stopReplica("flights", 2);
    Airline.stopReplica("booking", 2);
  }

  /** What the load saw: requests by outcome, and bookings made (reference by key). */
  static final class Load implements AutoCloseable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicInteger answered = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final Map<String, String> booked = new ConcurrentHashMap<>();
    final ExecutorService pool = Executors.newFixedThreadPool(BOOKERS + SEARCHERS);
    final List<Future<?>> workers = new ArrayList<>();

    /**
     * Bookers book one seat at a time with an Idempotency-Key, sending a key again after a failed
     * attempt (as a client would) until it is answered; searchers search.
     */
    Load(boolean retryFailedBookings) {
      for (int b = 0; b < BOOKERS; b++) {
        Http user = users.get(b);
        workers.add(pool.submit(() -> book(user, retryFailedBookings)));
      }
      for (int s = 0; s < SEARCHERS; s++) {
        workers.add(pool.submit(this::search));
      }
    }

    private void book(Http user, boolean retry) {
      while (running.get()) {
        // one of its own per booking: two bookers once drew the same System.nanoTime()
        String key = "cluster-" + Airline.RUN + "-" + java.util.UUID.randomUUID();
        long flight = flights.get(ThreadLocalRandom.current().nextInt(flights.size()));
        for (int attempt = 0; attempt < 20; attempt++) {
          String outcome =
              outcome(
                  () ->
                      Bookings.book(
                          user.with("Idempotency-Key", key),
                          flight,
                          1,
                          "Ada Lovelace",
                          "ada@it.test"));
          sleep(PAUSE_MILLIS);
          if (outcome.startsWith("409")) {
            break; // sold out: an answer, not a failure
          }
          if (outcome.startsWith("20")) {
            booked.put(key, outcome.substring(4));
            break;
          }
          failures.add("POST /bookings " + key + ": " + outcome);
          if (!retry) {
            break;
          }
          sleep(200);
        }
      }
    }

    private void search() {
      while (running.get()) {
        String route = routes.get(ThreadLocalRandom.current().nextInt(routes.size()));
        String outcome = outcome(() -> gateway.get(route));
        if (!outcome.startsWith("200")) {
          failures.add("GET " + route + ": " + outcome);
        }
        sleep(PAUSE_MILLIS);
      }
    }

    /** "201 REFERENCE" or "200 REFERENCE", else the status and body, or the exception. */
    private String outcome(java.util.function.Supplier<Http.Reply> call) {
      try {
        Http.Reply reply = call.get();
        answered.incrementAndGet();
        if (reply.status() == 200 || reply.status() == 201) {
          String body = reply.body();
          return reply.status()
              + " "
              + (body.startsWith("{") && reply.json().containsKey("reference")
                  ? reply.json().getString("reference")
                  : "");
        }
        return reply.status() + " " + reply.body();
      } catch (RuntimeException e) {
        return "no answer: " + e.getCause();
      }
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * For every flight of the test: seats flights sold equal seats in confirmed bookings, once the
   * bookings left PENDING by a failure are settled.
   */
  private static void assertSeatsEqual() throws InterruptedException {
    String ids = flights.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
    Await.until(
        () ->
            Sql.number(
                    "booking",
                    "SELECT COUNT(*) FROM booking WHERE status = 'PENDING' AND flight_id IN ("
                        + ids
                        + ")")
                == 0,
        Duration.ofSeconds(60),
        "no booking of the test's flights PENDING");
    for (long flight : flights) {
      long sold =
          Sql.number(
              "flights", "SELECT total_seats - available_seats FROM flight WHERE id = ?", flight);
      long confirmed =
          Sql.number(
              "booking",
              "SELECT COALESCE(SUM(seats), 0) FROM booking WHERE status = 'CONFIRMED' AND flight_id = ?",
              flight);
      assertEquals(
          confirmed, sold, "flight " + flight + ": seats sold against seats in confirmed bookings");
    }
  }

  /** The instances of a service that answered through the gateway since the line given. */
  private static List<String> upstreamsSince(long line, String port) throws Exception {
    Path log = Airline.logs().resolve("gateway-1-access.jsonl");
    return Files.readAllLines(log).stream()
        .skip(line)
        .filter(l -> l.contains(":" + port + "\""))
        .toList();
  }

  /** The services' log lines that name the request ids of these failures (the stack, if any). */
  private static String logged(java.util.Collection<String> failures) {
    StringBuilder found = new StringBuilder();
    var ids =
        java.util.regex.Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    List<String> wanted =
        failures.stream().flatMap(f -> ids.matcher(f).results().map(m -> m.group())).toList();
    try (var logs = Files.list(Airline.logs())) {
      for (Path file : logs.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (wanted.stream().anyMatch(line::contains)) {
            found.append(file.getFileName()).append(": ");
            lines
                .subList(i, Math.min(i + 25, lines.size()))
                .forEach(l -> found.append(l).append('\n'));
          }
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      found.append("(logs unreadable: ").append(e).append(")");
    }
    return found.toString();
  }

  private static long accessLogLines() throws Exception {
    return Files.readAllLines(Airline.logs().resolve("gateway-1-access.jsonl")).size();
  }

  @Test
  @Order(1)
  void rollingDeploys_ofFlightsAndBooking_failNoRequest_andSeatsStayEqual() throws Exception {
    Path flightsWar = Path.of("../flights-war/target/flights-war.war").toAbsolutePath();
    Path bookingWar = Path.of("../booking-war/target/booking-war.war").toAbsolutePath();
    String deployed;
    newFlights();
    Load load = new Load(false);
    try (load) {
      sleep(2000);
      deployed = Airline.run("deploy", "flights", flightsWar.toString());
      deployed += Airline.run("deploy", "booking", bookingWar.toString());
      sleep(2000);
    }
    assertTrue(deployed.contains("flights-2 runs the new WAR"), deployed);
    assertTrue(deployed.contains("booking-2 runs the new WAR"), deployed);
    assertEquals(
        List.of(),
        List.copyOf(load.failures),
        () ->
            "no request failed during the deploys; the services logged:\n" + logged(load.failures));
    assertTrue(load.booked.size() > 20, "bookings made: " + load.booked.size());
    System.out.printf(
        "Rolling deploys of flights and booking: %d requests answered, %d bookings, 0 failed%n",
        load.answered.get(), load.booked.size());
    assertSeatsEqual();
  }

  @Test
  @Order(2)
  void aBookingInstanceKilledMidLoad_losesNoBooking_andOnlyItsRequestsInFlightFail()
      throws Exception {
    newFlights();
    long before = accessLogLines();
    Load load = new Load(true);
    Instant killed;
    try (load) {
      sleep(4000);
      killed = Instant.now();
      Airline.killInstance("booking-2");
      sleep(8000);
    }
    // failed first attempts: at most the requests in flight on it when it died (one per booker)
    List<String> failed = List.copyOf(load.failures);
    assertTrue(
        failed.size() <= BOOKERS, () -> failed + "\nThe services logged:\n" + logged(failed));
    for (String failure : failed) {
      assertTrue(failure.startsWith("POST /bookings"), failure);
    }
    // every key was answered in the end, each with one booking
    long distinct = load.booked.values().stream().distinct().count();
    assertEquals(load.booked.size(), distinct, "no booking doubled");
    for (var key : load.booked.keySet()) {
      assertEquals(
          1,
          Sql.number(
              "booking", "SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?", key),
          key);
    }
    System.out.printf(
        "booking-2 killed mid-load: %d requests answered, %d bookings, %d first attempts failed%n",
        load.answered.get(), load.booked.size(), failed.size());
    assertSeatsEqual();
    // bookings went to both instances before the kill
    int booking2Port = Airline.basePort() + 3 + 100;
    List<String> toBooking2 = upstreamsSince(before, Integer.toString(booking2Port));
    assertTrue(!toBooking2.isEmpty(), "booking-2 served before it died");
    // the gateway stops sending to the dead instance within a second
    Instant dropBy = killed.plusSeconds(1);
    List<String> late =
        toBooking2.stream()
            .filter(
                line ->
                    Instant.parse(line.replaceAll(".*\"time\":\"([^\"]+)\".*", "$1"))
                        .isAfter(dropBy))
            .toList();
    assertEquals(List.of(), late, "requests sent to booking-2 more than 1 s after its death");
    // booking-2 stays dead: this test runs last, and the class's end stops the replicas
  }
}
