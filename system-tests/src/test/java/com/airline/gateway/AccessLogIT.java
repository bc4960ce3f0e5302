package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's access log: one JSON line per request, in a file of its own. */
class AccessLogIT {

  static Http gateway;
  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    gateway = Http.to(Airline.start("gateway"));
  }

  /** The line of that request, waiting a little: it is written once the answer is complete. */
  static JsonObject lineOf(String requestId) throws IOException, InterruptedException {
    Path file = Airline.logs().resolve("gateway-1-access.jsonl");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(file)) {
        Optional<String> line =
            Files.readAllLines(file).stream()
                .filter(l -> l.contains("\"requestId\":\"" + requestId + "\""))
                .findFirst();
        if (line.isPresent()) {
          try (var reader = Json.createReader(new StringReader(line.get()))) {
            return reader.readObject();
          }
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no access log line for " + requestId + " in " + file);
  }

  static String newId() {
    return "access-" + Airline.RUN + "-" + System.nanoTime();
  }

  @Test
  void forwardedRequest_isOneJsonLine_withUserClientStatusBytesAndUpstream() throws Exception {
    TestUsers.TestUser user = TestUsers.signUp(auth);
    String id = newId();
    Instant before = Instant.now().minusSeconds(1);
    Http.Reply me =
        gateway
            .as(user.token())
            .with("X-Request-ID", id)
            .with("X-Forwarded-For", "203.0.113.7")
            .get("/api/v1/auth/me?x=1");
    assertEquals(200, me.status(), me.body());

    JsonObject line = lineOf(id);
    assertTrue(!Instant.parse(line.getString("time")).isBefore(before), line.toString());
    assertEquals("203.0.113.7", line.getString("client"), "behind a trusted proxy");
    assertEquals(user.id(), line.getString("user"));
    assertEquals("GET", line.getString("method"));
    assertEquals("/api/v1/auth/me", line.getString("path"), "no query: it may hold personal data");
    assertEquals(200, line.getInt("status"));
    assertEquals(
        me.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length, line.getInt("bytes"));
    assertTrue(line.getJsonNumber("ms").doubleValue() > 0, line.toString());
    assertEquals(Airline.url("auth").toString(), line.getString("upstream"));
  }

  @Test
  void gatewaysOwnAnswer_isLoggedWithoutUserOrUpstream() throws Exception {
    String id = newId();
    Http.Reply reply = gateway.with("X-Request-ID", id).get("/api/v1/spaceships");
    assertEquals(404, reply.status());

    JsonObject line = lineOf(id);
    assertEquals(404, line.getInt("status"));
    assertEquals("127.0.0.1", line.getString("client"));
    assertEquals(JsonValue.NULL, line.get("user"));
    assertEquals(JsonValue.NULL, line.get("upstream"));
    assertTrue(line.getInt("bytes") > 0, line.toString());
  }
}
