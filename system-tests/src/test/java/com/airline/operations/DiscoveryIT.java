package com.airline.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Instances found through the data grid: a second flights instance joins the run's grid (the run's
 * cluster, members and database, started by the launcher in a home of its own) while the run's
 * gateway and booking keep running. They use it without a restart, and stop using it once it has
 * gone, killed or stopped.
 */
class DiscoveryIT {

  private static final String HOME = "discovery";
  private static final Map<String, String> SETTINGS =
      Map.of("AIRLINE_INSTANCE_PREFIX", "discovery-");
  private static final URI FIRST = Airline.url("flights");
  private static final URI SECOND = URI.create("http://127.0.0.1:" + (Airline.basePort() + 102));

  /** Clients sending at once while the second instance is killed. */
  private static final int CLIENTS = 4;

  /** How long requests go on after the kill: four times the gateway's skip period. */
  private static final Duration AFTER_KILL = Airline.RESILIENCE_OPEN_FOR.multipliedBy(4);

  static Http gateway;
  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    Airline.start("flights", "booking");
    gateway = Http.to(Airline.start("gateway"));
  }

  @AfterAll
  static void stop() {
    Airline.launch(HOME, SETTINGS, "down");
  }

  /** Starts the second instance unless it runs, and waits until the gateway sends to it. */
  static void secondInstanceInUse() throws Exception {
    String up = Airline.launch(HOME, SETTINGS, "up", "flights-2");
    assertTrue(
        up.contains("flights-2 is ready: " + SECOND) || up.contains("flights-2 is already running"),
        up);
    Await.until(
        () -> SECOND.toString().equals(upstreamOf(get(newId()).id())),
        Duration.ofSeconds(60),
        "the gateway sends requests to the second instance");
  }

  @Test
  void aJoiningInstance_isUsedByTheGateway_andDroppedOnceKilled() throws Exception {
    secondInstanceInUse();
    Map<String, Integer> served = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      Sent sent = get(newId());
      assertEquals(200, sent.status(), "request " + i);
      served.merge(String.valueOf(upstreamOf(sent.id())), 1, Integer::sum);
    }
    assertEquals(
        java.util.Set.of(FIRST.toString(), SECOND.toString()),
        served.keySet(),
        "both serve, without a restart: " + served);

    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    long killed;
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  while (sending.get()) {
                    sent.add(get(newId()));
                  }
                }));
      }
      Thread.sleep(1000);
      ProcessHandle second = ProcessHandle.of(pidOfSecond()).orElseThrow();
      killed = System.nanoTime();
      second.destroyForcibly(); // SIGKILL: no withdrawal, the grid has to notice
      second.onExit().get();
      Thread.sleep(AFTER_KILL.toMillis());
      sending.set(false);
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      sending.set(false);
      clients.shutdownNow();
    }

    // a GET the killed instance took is answered by the other one (the ProxyFilter sends a safe
    // request once more when its answer was lost), and one it never got is refused and sent on
    List<Sent> failed = sent.stream().filter(s -> s.status() != 200).toList();
    assertEquals(List.of(), failed, "of " + sent.size() + " requests, failed");
    List<Sent> afterKill = sent.stream().filter(s -> s.started() > killed).toList();
    assertTrue(afterKill.size() > 20, "requests went on: " + afterKill.size());

    // Every attempt on the dead instance (refused, then sent to the other one) is in the gateway's
    // log. Passive health alone would try it again every skip period for as long as requests come;
    // the grid drops it, after which nothing tries it.
    String log = gatewayLog();
    List<Long> triedAfterKillMillis =
        afterKill.stream()
            .filter(s -> log.contains("Request " + s.id() + " to " + SECOND + " failed"))
            .map(s -> (s.started() - killed) / 1_000_000)
            .sorted()
            .toList();
    long lastAllowed = Airline.RESILIENCE_OPEN_FOR.multipliedBy(2).toMillis();
    assertTrue(
        triedAfterKillMillis.isEmpty()
            || triedAfterKillMillis.get(triedAfterKillMillis.size() - 1) < lastAllowed,
        "attempts on the dead instance, ms after the kill: " + triedAfterKillMillis);
    List<String> servedLate =
        afterKill.stream()
            .filter(s -> s.started() - killed > lastAllowed * 1_000_000)
            .map(s -> upstreamOf(s.id()))
            .filter(SECOND.toString()::equals)
            .toList();
    assertEquals(List.of(), servedLate, "answered by the dead instance");
    // The grid's events come in no promised order: the entry removed by another member may reach
    // the gateway before the member's departure does.
    String dropped = "discovery-flights-2 (" + SECOND + ") ";
    Await.until(
        () ->
            gatewayLog().contains(dropped + "has left the grid")
                || gatewayLog().contains(dropped + "was withdrawn from the grid"),
        Duration.ofSeconds(30),
        "the gateway's directory drops it");
  }

  @Test
  void booking_reservesSeatsThroughBothInstances_andOnlyTheFirstOnceTheSecondStopped()
      throws Exception {
    secondInstanceInUse();
    Http user = gateway.as(TestUsers.signUp(auth).token());
    long flight =
        Catalogue.asAdmin(auth).on(Http.to(FIRST)).flight(50).getJsonNumber("id").longValue();
    long first = reservations(FIRST);
    long second = reservations(SECOND);
    for (int i = 0; i < 10; i++) {
      Http.Reply booked = Bookings.book(user, flight, 1, "Ada Lovelace", "ada@it.test");
      assertEquals(201, booked.status(), booked.body());
    }
    long byFirst = reservations(FIRST) - first;
    long bySecond = reservations(SECOND) - second;
    assertTrue(
        byFirst > 0 && bySecond > 0 && byFirst + bySecond >= 10,
        "reservations: " + byFirst + " by the first instance, " + bySecond + " by the second");

    String onlyFirst = "flights instances: [" + FIRST + "]";
    long dropped = count(gatewayLog(), onlyFirst);
    String down = Airline.launch(HOME, SETTINGS, "down", "flights-2");
    assertTrue(down.contains("Stopping flights-2"), down);
    Await.until(
        () -> count(gatewayLog(), onlyFirst) > dropped,
        Duration.ofSeconds(30),
        "the gateway drops the stopped instance");
    long before = reservations(FIRST);
    for (int i = 0; i < 10; i++) {
      Http.Reply booked = Bookings.book(user, flight, 1, "Ada Lovelace", "ada@it.test");
      assertEquals(201, booked.status(), booked.body());
    }
    assertTrue(reservations(FIRST) - before >= 10, "all by the first instance");
    assertEquals(
        30,
        Http.to(FIRST).get("/api/v1/flights/" + flight).json().getInt("availableSeats"),
        "20 seats taken, whichever instance took them");
  }

  /** A request through the gateway, and when it started (System.nanoTime). */
  record Sent(String id, long started, int status) {}

  static final AtomicLong IDS = new AtomicLong();

  static String newId() {
    return "discovery-" + Airline.RUN + "-" + IDS.incrementAndGet();
  }

  static Sent get(String id) {
    long started = System.nanoTime();
    try {
      return new Sent(
          id,
          started,
          gateway
              .with("X-Request-ID", id)
              .with("Cache-Control", "no-cache") // to an instance each time
              .get("/api/v1/airports?q=zz")
              .status());
    } catch (IllegalStateException e) {
      return new Sent(id, started, -1);
    }
  }

  /** The instance that answered that request, from the gateway's access log (waiting for it). */
  static String upstreamOf(String id) {
    Path file = Airline.logs().resolve("gateway-1-access.jsonl");
    String mark = "\"requestId\":\"" + id + "\"";
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        List<String> lines =
            Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
        for (String line : lines) {
          if (line.contains(mark)) {
            try (var reader = Json.createReader(new StringReader(line))) {
              JsonObject entry = reader.readObject();
              return entry.isNull("upstream") ? null : entry.getString("upstream");
            }
          }
        }
        Thread.sleep(100);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no access log line for " + id);
  }

  static String gatewayLog() {
    try {
      return Files.readString(Airline.logs().resolve("gateway-1.log"), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static long count(String text, String part) {
    long found = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      found++;
    }
    return found;
  }

  static Path home() {
    return Airline.logs().getParent().resolve(HOME);
  }

  static long pidOfSecond() throws IOException {
    return Long.parseLong(Files.readString(home().resolve("run").resolve("flights-2.pid")).trim());
  }

  /** Seats reservations an instance has served (its @Counted, in its /metrics). */
  static long reservations(URI instance) {
    String metrics = Http.to(instance).get("/metrics").body();
    return metrics
        .lines()
        .filter(l -> !l.startsWith("#") && l.contains("ReservationResource_reservations_total"))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .collect(Collectors.summingLong(v -> (long) Double.parseDouble(v)));
  }
}
