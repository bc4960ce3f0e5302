package com.airline.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Replicas and the supervisor, through the launcher as an operator uses it: two flights instances
 * of a home, cluster and database of their own, supervised.
 */
class InstancesIT {

  private static final String HOME = "replicas";
  private static final int PORT = Airline.basePort() + 15;
  private static final int HAZELCAST = Airline.basePort() - 1080 + 150;
  private static final int LOG_MAX_BYTES = 100_000;
  private static final Map<String, String> SETTINGS =
      Map.of(
          "AIRLINE_CLUSTER",
          "airline-it-" + Airline.RUN + "-replicas",
          "AIRLINE_SUPERVISE",
          "true",
          "FLIGHTS_PORT",
          Integer.toString(PORT),
          "FLIGHTS_HAZELCAST_PORT",
          Integer.toString(HAZELCAST),
          "FLIGHTS_CLUSTER_MEMBERS",
          "127.0.0.1:" + HAZELCAST + ",127.0.0.1:" + (HAZELCAST + 1),
          "FLIGHTS_DB_NAME",
          "it_flights_replicas_" + Airline.RUN,
          "AIRLINE_LOG_FORMAT",
          "json",
          "AIRLINE_LOG_MAX_BYTES",
          Integer.toString(LOG_MAX_BYTES));

  /** A line of {@code ./airline status}, split into its columns. */
  record Line(String instance, String group, int port, String pid, String health, int restarts) {
    static Optional<Line> of(String status, String instance) {
      return Arrays.stream(status.split("\n"))
          .map(l -> l.trim().split("\\s+"))
          .filter(f -> f[0].equals(instance))
          .findFirst()
          .map(
              f ->
                  new Line(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], Integer.parseInt(f[5])));
    }
  }

  private static String status() {
    return Airline.launch(HOME, SETTINGS, "status");
  }

  private static String up;

  @BeforeAll
  static void start() {
    up = Airline.launch(HOME, SETTINGS, "up", "--replicas", "flights=2", "flights");
  }

  @AfterAll
  static void stop() {
    String all = Airline.launch(HOME, SETTINGS, "down");
    assertTrue(all.indexOf("Stopping the supervisor") < all.indexOf("Stopping flights-1"), all);
    assertTrue(status().contains("supervisor: not running"));
  }

  private static Path log(String name) {
    return Airline.logs().resolveSibling(HOME).resolve("logs").resolve(name);
  }

  @Test
  void replicas_startInOneGrid_andTheSupervisorBringsBackOneKilled() throws Exception {
    assertTrue(up.contains("flights-2 is ready: http://127.0.0.1:" + (PORT + 100)), up);

    String status = status();
    Line first = Line.of(status, "flights-1").orElseThrow(() -> new AssertionError(status));
    Line second = Line.of(status, "flights-2").orElseThrow(() -> new AssertionError(status));
    assertEquals(new Line("flights-1", "flights", PORT, first.pid(), "UP", 0), first);
    assertEquals(new Line("flights-2", "flights", PORT + 100, second.pid(), "UP", 0), second);
    assertTrue(
        status.contains("grid 'airline-it-" + Airline.RUN + "-replicas': 2 members"), status);
    assertEquals(
        200,
        Http.to(java.net.URI.create("http://127.0.0.1:" + (PORT + 100)))
            .get("/api/v1/airports")
            .status());

    ProcessHandle killed = ProcessHandle.of(Long.parseLong(second.pid())).orElseThrow();
    // the home's supervisor log is kept across runs: count from here
    long supervisorLinesBefore = Files.readAllLines(log("supervisor.log")).size();
    killed.destroyForcibly();
    killed.onExit().get();
    Await.until(
        () ->
            Line.of(status(), "flights-2")
                .filter(l -> l.restarts() == 1 && l.health().equals("UP"))
                .isPresent(),
        Duration.ofMinutes(4),
        "flights-2 started again by the supervisor and ready");
    assertEquals(
        first.pid(), Line.of(status(), "flights-1").orElseThrow().pid(), "flights-1 untouched");

    String down = Airline.launch(HOME, SETTINGS, "down", "flights-2");
    assertTrue(down.contains("Stopping flights-2"), down);
    Thread.sleep(3000); // the supervisor looks every second: a stopped instance stays stopped
    Line stopped = Line.of(status(), "flights-2").orElseThrow();
    assertEquals("stopped", stopped.health());
    assertEquals(1, stopped.restarts());
    assertEquals("UP", Line.of(status(), "flights-1").orElseThrow().health());
    List<String> restarts =
        Files.readAllLines(log("supervisor.log")).stream()
            .skip(supervisorLinesBefore)
            .filter(l -> l.contains("starting it again"))
            .toList();
    assertEquals(1, restarts.size(), restarts.toString());
  }

  /**
   * AIRLINE_LOG_FORMAT=json: JSON lines with the instance, its service and the request id as
   * fields; AIRLINE_LOG_MAX_BYTES: the supervisor rotates a log past it under the running instance.
   */
  @Test
  void logs_areJsonLinesWithInstanceServiceAndRequestId_rotatedBySize() throws Exception {
    String last = null;
    // each refused request target is one line of the log: enough to pass its size several times
    for (int i = 0; i < 800; i++) {
      last = refusedRequestId("/api/v1/flights/%zz" + i);
    }
    String id = last;
    // the supervisor looks once a second: wait for its rotation, then find the line in either file
    Await.until(
        () -> Files.exists(log("flights-1.log.1")),
        Duration.ofSeconds(30),
        "flights-1.log rotated by size");
    Await.until(
        () ->
            lines("flights-1.log.1").anyMatch(l -> l.contains(id))
                || lines("flights-1.log").anyMatch(l -> l.contains(id)),
        Duration.ofSeconds(30),
        "the last request's line in flights-1.log or .1");
    assertTrue(Files.size(log("flights-1.log.1")) > LOG_MAX_BYTES);

    String line =
        java.util.stream.Stream.concat(lines("flights-1.log.1"), lines("flights-1.log"))
            .filter(l -> l.contains(id))
            .findFirst()
            .orElseThrow();
    JsonObject json;
    try (var reader = Json.createReader(new StringReader(line))) {
      json = reader.readObject();
    }
    assertEquals(id, json.getString("requestId"), line);
    assertEquals("flights-1", json.getString("instance"), line);
    assertEquals("flights", json.getString("service"), line);
    assertEquals("INFO", json.getString("Level"), line);
    assertTrue(json.getString("LogMessage").contains("400 GET"), line);
  }

  /** Sends a request target that does not decode (no HTTP client sends one) and answers its id. */
  private static String refusedRequestId(String target) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", PORT)) {
      socket
          .getOutputStream()
          .write(
              ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
      java.util.regex.Matcher id =
          java.util.regex.Pattern.compile("(?im)^X-Request-ID: (\\S+)").matcher(answer);
      assertTrue(id.find(), answer);
      return id.group(1);
    }
  }

  private static java.util.stream.Stream<String> lines(String name) {
    try {
      return Files.readAllLines(log(name), java.nio.charset.StandardCharsets.ISO_8859_1).stream();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
