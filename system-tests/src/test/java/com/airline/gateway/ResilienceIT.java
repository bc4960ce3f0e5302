package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the gateway does between the client and a service instance, against small HTTP servers of
 * the test's own (Airline's "echo", "pair", "failover", "hangup" and "nowhere" services):
 * forwarding headers, several instances used in turn, a dead one gone around and skipped, an answer
 * lost, read timeouts, and the circuit of a service that keeps failing.
 */
class ResilienceIT {

  static Http gateway;
  static HttpServer echo;
  static final Map<String, Headers> seen = new ConcurrentHashMap<>();

  /** The instance that served each request id: the path before /api/ ("/one", "" for echo). */
  static final Map<String, String> servedBy = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    Http auth = Http.to(Airline.start("auth"));
    gateway = Http.to(Airline.start("gateway")).as(TestUsers.signUp(auth).token());
    echo = server(Airline.basePort() + 9);
  }

  @AfterAll
  static void stop() {
    echo.stop(0);
  }

  /** The request ids the instance under /gone took, then closed the connection on. */
  static final Set<String> hungUp = ConcurrentHashMap.newKeySet();

  /**
   * Answers 200, noting the headers it got and who served; under .../slow only after 3 s; under
   * /gone/... never: it reads the request and closes the connection (an instance killed at it).
   */
  static HttpServer server(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          String id = exchange.getRequestHeaders().getFirst("X-Request-ID");
          String path = exchange.getRequestURI().getPath();
          if (path.startsWith("/gone/")) {
            exchange.getRequestBody().readAllBytes();
            hungUp.add(id);
            exchange.close(); // no response headers sent: the JDK's server closes the connection
            return;
          }
          if (id != null) {
            seen.put(id, exchange.getRequestHeaders());
            if (path.contains("/api/")) {
              servedBy.put(id, path.substring(0, path.indexOf("/api/")));
            }
          }
          if (exchange.getRequestURI().getPath().endsWith("/slow")) {
            sleep(3000);
          }
          answer(exchange);
        });
    server.start();
    return server;
  }

  /** {"ok":true,"bytes":N,"sha256":"..."} of the body it got. */
  static void answer(HttpExchange exchange) throws IOException {
    byte[] got = exchange.getRequestBody().readAllBytes();
    byte[] body =
        ("{\"ok\":true,\"bytes\":" + got.length + ",\"sha256\":\"" + sha256(got) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Connection", "X-Upstream-Hop");
    exchange.getResponseHeaders().add("X-Upstream-Hop", "private to the hop");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String newId() {
    return "res-" + Airline.RUN + "-" + System.nanoTime();
  }

  @Test
  void forwarding_setsXForwardedHeaders_andDropsHopByHopOnes() {
    String id = newId();
    Http.Reply reply =
        gateway
            .with("X-Request-ID", id)
            .with("X-Forwarded-For", "198.51.100.9")
            .with("Keep-Alive", "timeout=5")
            .with("Proxy-Authorization", "Basic c2VjcmV0")
            .with("TE", "trailers")
            .get("/api/v1/echo/headers");
    assertEquals(200, reply.status(), reply.body());
    assertNull(reply.header("X-Upstream-Hop"), "named by the service's Connection header");

    Headers got = seen.get(id);
    assertEquals("198.51.100.9, 127.0.0.1", got.getFirst("X-Forwarded-For"));
    assertEquals("http", got.getFirst("X-Forwarded-Proto"));
    assertEquals("127.0.0.1:" + Airline.basePort(), got.getFirst("X-Forwarded-Host"));
    assertTrue(got.getFirst("Authorization").startsWith("Bearer "), "the token goes on");
    assertFalse(got.containsKey("Keep-Alive"));
    assertFalse(got.containsKey("Proxy-Authorization"));
    assertFalse(got.containsKey("Te"));
  }

  @Test
  void bodies_arePassedOnWhole_withAndWithoutALength() throws Exception {
    byte[] body = new byte[900_000];
    new java.util.Random(11).nextBytes(body);
    var client =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build();
    for (var publisher :
        List.of(
            java.net.http.HttpRequest.BodyPublishers.ofByteArray(body),
            java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body)))) {
      var reply =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      Airline.url("gateway").resolve("/api/v1/echo/body"))
                  .header("Authorization", "Bearer " + gateway.token())
                  .header("Content-Type", "application/octet-stream")
                  .PUT(publisher)
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode(), reply.body());
      assertTrue(reply.body().contains("\"bytes\":" + body.length), reply.body());
      assertTrue(reply.body().contains(sha256(body)), reply.body());
    }
  }

  @Test
  void severalInstances_areUsedInTurn() {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String id = newId();
      Http.Reply reply = gateway.with("X-Request-ID", id).get("/api/v1/pair/turn-" + i);
      assertEquals(200, reply.status(), "request " + i + ": " + reply.body());
      instances.add(servedBy.get(id));
    }
    assertEquals(Set.of("/one", "/two"), Set.copyOf(instances), "both instances serve");
    for (int i = 1; i < instances.size(); i++) {
      assertNotEquals(instances.get(i - 1), instances.get(i), "in turn: " + instances);
    }
  }

  /**
   * The first request goes to the dead instance first (nothing else uses this service, and the dead
   * one is listed first): refused, it is answered by the live one. After three failures in a row
   * the dead instance is skipped: tried again only once per open-for period, so that fewer than
   * half of the requests try it (without skipping, every one or every other one would).
   */
  @Test
  void aDeadInstanceListedFirst_isGoneAround_thenSkipped() throws Exception {
    String dead = "http://127.0.0.1:" + (Airline.basePort() + 7);
    List<String> ids = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      String id = newId();
      ids.add(id);
      Http.Reply reply = gateway.with("X-Request-ID", id).get("/api/v1/failover/try-" + i);
      assertEquals(200, reply.status(), "request " + i + ": " + reply.body());
      assertEquals("/live", servedBy.get(id), "request " + i);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    Await.until(
        () -> triedOn(dead, ids).contains(ids.get(0)),
        Duration.ofSeconds(10),
        "the gateway logs that the first request was refused by " + dead);
    List<String> tried = triedOn(dead, ids);
    assertEquals(ids.get(0), tried.get(0), "the first request tried the dead instance first");
    assertTrue(tried.size() >= 3, "tried until three failures in a row: " + tried.size());
    long trials = took.toNanos() / Airline.RESILIENCE_OPEN_FOR.toNanos() + 1;
    assertTrue(
        tried.size() <= 3 + trials,
        "skipped after three failures: tried by "
            + tried.size()
            + " of 20 requests in "
            + took.toMillis()
            + " ms");
  }

  /** Those of the requests the gateway logged as failed on the instance, in their order. */
  static List<String> triedOn(String instance, List<String> ids) {
    String log;
    try {
      log =
          new String(
              Files.readAllBytes(Airline.logs().resolve("gateway-1.log")),
              StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ids.stream()
        .filter(id -> log.contains("Request " + id + " to " + instance + " failed"))
        .toList();
  }

  /**
   * An instance that takes requests and closes the connection with no answer, listed before a live
   * one, used in turn: a GET it took goes once more, to the live one; a POST does not (it may have
   * been acted on) and gets 503.
   */
  @Test
  void aLostAnswer_sendsAGetToAnotherInstance_butNotAPost() {
    List<String> gets = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = newId();
      gets.add(id);
      Http.Reply reply = gateway.with("X-Request-ID", id).get("/api/v1/hangup/get-" + i);
      assertEquals(200, reply.status(), "GET " + i + ": " + reply.body());
      assertEquals("/live", servedBy.get(id), "GET " + i);
    }
    assertTrue(gets.stream().anyMatch(hungUp::contains), "a GET was taken by /gone: " + hungUp);

    List<String> posts = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String id = newId();
      posts.add(id);
      Http.Reply reply =
          gateway.with("X-Request-ID", id).post("/api/v1/hangup/post-" + i, "{\"n\":" + i + "}");
      if (hungUp.contains(id)) {
        assertEquals(503, reply.status(), "POST " + i + ": " + reply.body());
        assertEquals("application/problem+json", reply.contentType().split(";")[0]);
        assertNull(servedBy.get(id), "POST " + i + " was not sent again");
      } else {
        assertEquals(200, reply.status(), "POST " + i + ": " + reply.body());
      }
    }
    assertTrue(posts.stream().anyMatch(hungUp::contains), "a POST was taken by /gone: " + hungUp);
  }

  @Test
  void noAnswerInTime_returns504ProblemAfterTheReadTimeout() {
    long started = System.nanoTime();
    Http.Reply reply = gateway.get("/api/v1/echo/slow");
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals(504, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertTrue(ms >= 900 && ms < 2500, "answered after " + ms + " ms, the read timeout is 1 s");
  }

  @Test
  void serviceDown_503Fast_thenTheCircuitOpens_andOneTrialClosesIt() throws IOException {
    for (int i = 0; i < 3; i++) {
      Http.Reply down = gateway.get("/api/v1/nowhere/x");
      assertEquals(503, down.status(), down.body());
      assertEquals("application/problem+json", down.contentType().split(";")[0]);
      assertEquals("The nowhere service is unavailable.", down.json().getString("detail"));
    }
    long started = System.nanoTime();
    Http.Reply open = gateway.get("/api/v1/nowhere/x");
    long ms = (System.nanoTime() - started) / 1_000_000;
    assertEquals(503, open.status(), open.body());
    assertTrue(open.json().getString("detail").contains("not tried for a while"), open.body());
    assertEquals(
        Long.toString(Airline.RESILIENCE_OPEN_FOR.toSeconds()), open.header("Retry-After"));
    assertTrue(ms < 500, "the open circuit answers at once, took " + ms + " ms");

    HttpServer back = server(Airline.basePort() + 8);
    try {
      assertEquals(503, gateway.get("/api/v1/nowhere/x").status(), "still open");
      sleep(Airline.RESILIENCE_OPEN_FOR.toMillis() + 300);
      assertEquals(200, gateway.get("/api/v1/nowhere/x").status(), "the trial");
      assertEquals(200, gateway.get("/api/v1/nowhere/x").status(), "closed");
    } finally {
      back.stop(0);
    }
  }
}
