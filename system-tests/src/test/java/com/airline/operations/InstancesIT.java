package com.airline.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Replicas and the supervisor, through the launcher as an operator uses it: two flights instances
 * of a home, cluster and database of their own, supervised.
 */
class InstancesIT {

  private static final String HOME = "replicas";
  private static final int PORT = Airline.basePort() + 15;
  private static final int HAZELCAST = Airline.basePort() - 1080 + 150;
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
          "it_flights_replicas_" + Airline.RUN);

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

  @Test
  void replicas_startInOneGrid_andTheSupervisorBringsBackOneKilled() throws Exception {
    String up = Airline.launch(HOME, SETTINGS, "up", "--replicas", "flights=2", "flights");
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

    String all = Airline.launch(HOME, SETTINGS, "down");
    assertTrue(all.indexOf("Stopping the supervisor") < all.indexOf("Stopping flights-1"), all);
    assertTrue(status().contains("supervisor: not running"));
    Path log = Airline.logs().getParent().resolve(HOME).resolve("logs").resolve("supervisor.log");
    List<String> restarts =
        Files.readAllLines(log).stream().filter(l -> l.contains("starting it again")).toList();
    assertEquals(1, restarts.size(), restarts.toString());
  }
}
