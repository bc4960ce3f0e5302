package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole path a client takes: through the gateway to auth and back. */
class GatewayIT {

  static Http gateway;

  @BeforeAll
  static void start() {
    Airline.start("auth");
    gateway = Http.to(Airline.start("gateway"));
  }

  @Test
  void signUpSignInAndMe_throughTheGateway() {
    String email = TestUsers.uniqueEmail("edge");
    Http.Reply created =
        gateway.post(
            "/api/v1/auth/signup",
            json("email", email, "password", "through-gateway", "name", "Edge"));
    assertEquals(201, created.status(), created.body());
    assertEquals(
        Airline.url("gateway") + "/api/v1/users/" + created.json().getString("id"),
        created.header("Location"),
        "links point at the gateway, not at the service behind it");

    String token = TestUsers.signIn(gateway, email, "through-gateway");
    Http.Reply me = gateway.as(token).get("/api/v1/auth/me");
    assertEquals(200, me.status(), me.body());
    assertEquals(email, me.json().getString("email"));
  }

  @Test
  void routesUsersAndRoles_passingStatusAndProblemBodies() {
    String token = TestUsers.signUp(gateway).token();
    Http.Reply users = gateway.as(token).get("/api/v1/users");
    assertEquals(403, users.status());
    assertEquals("application/problem+json", users.contentType().split(";")[0]);
    assertEquals(200, gateway.as(token).get("/api/v1/roles").status());
    assertEquals(401, gateway.get("/api/v1/roles").status());
  }

  @Test
  void requestId_isKeptWhenWellFormed_passedToTheService_andMadeWhenAbsent() throws Exception {
    String id = "it-" + Airline.RUN + "-" + System.nanoTime();
    Http.Reply reply =
        gateway.with("X-Request-ID", id).post("/api/v1/auth/signin", json("email", "x@it.test"));
    assertEquals(id, reply.header("X-Request-ID"));
    assertEquals(id, reply.json().getString("requestId"), "the service saw the same id");

    Http.Reply generated =
        gateway.with("X-Request-ID", "bad id with spaces").get("/api/v1/auth/jwks");
    assertNotNull(generated.header("X-Request-ID"));
    assertTrue(
        generated.header("X-Request-ID").matches("[0-9a-f-]{36}"),
        generated.header("X-Request-ID"));
  }

  @Test
  void everyPrefix_reachesItsService() {
    Airline.start("flights", "booking", "reminder");
    Http admin = gateway.as(TestUsers.admin(Http.to(Airline.url("auth"))).token());
    for (String path :
        List.of(
            "/api/v1/auth/jwks",
            "/api/v1/users?size=1",
            "/api/v1/roles",
            "/api/v1/cities?size=1",
            "/api/v1/airports?size=1",
            "/api/v1/airlines?size=1",
            "/api/v1/airplanes?size=1",
            "/api/v1/flights?size=1",
            "/api/v1/bookings",
            "/api/v1/reminders?booking=ABCDEF")) {
      Http.Reply reply = admin.get(path);
      assertEquals(200, reply.status(), path + ": " + reply.body());
      assertEquals("application/json", reply.contentType().split(";")[0], path);
    }
  }

  @Test
  void head_answersTheHeadersOfAGet() {
    Airline.start("flights");
    for (String path : List.of("/api/v1/flights?size=1", "/api/v1/auth/jwks")) {
      Http.Reply get = gateway.get(path);
      Http.Reply head = gateway.send("HEAD", path, null);
      assertEquals(200, head.status(), path);
      assertEquals(
          Integer.toString(get.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
          head.header("Content-Length"),
          path);
    }
  }

  @Test
  void internalPaths_areNeverForwarded() {
    Airline.start("flights");
    Http admin = gateway.as(TestUsers.admin(Http.to(Airline.url("auth"))).token());
    String body = "{\"bookingReference\":\"ABCDEF\",\"seats\":1}";
    // flights itself would answer 401 or 403 (reservations are for the booking service alone)
    for (String[] call :
        new String[][] {
          {"POST", "/api/v1/flights/1/reservations"},
          {"DELETE", "/api/v1/flights/1/reservations/ABCDEF"},
          {"POST", "/api/v1/flights/1/%72eservations"},
          {"POST", "/api/v1/flights/1/reservations;x=1"}
        }) {
      Http.Reply reply = admin.send(call[0], call[1], body);
      assertEquals(404, reply.status(), call[0] + " " + call[1] + ": " + reply.body());
      assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    }
  }

  @Test
  void unknownPrefix_returns404Problem() {
    Http.Reply reply = gateway.get("/api/v1/spaceships");
    assertEquals(404, reply.status());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    Http.Reply lookalike = gateway.get("/api/v1/authority");
    assertEquals(404, lookalike.status(), "a prefix matches whole path segments only");
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
      Http.Reply other = gateway.send(method, "/api/v1/spaceships/1", "{}");
      assertEquals(404, other.status(), method);
      assertEquals("application/problem+json", other.contentType().split(";")[0], method);
      assertNotNull(other.header("X-Request-ID"), method);
    }
  }

  @Test
  void oversizedBody_returns413Problem() {
    String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
    Http.Reply reply = gateway.send("POST", "/api/v1/auth/signup", big);
    assertEquals(413, reply.status());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
  }

  @Test
  void oversizedBodyWithoutLength_returns413Problem() throws Exception {
    byte[] big = ("{\"name\":\"" + "x".repeat(1_100_000) + "\"}").getBytes();
    var request =
        java.net.http.HttpRequest.newBuilder(Airline.url("gateway").resolve("/api/v1/auth/signup"))
            .header("Content-Type", "application/json")
            // a stream of unknown length: sent chunked, without Content-Length
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big)))
            .build();
    var reply =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(413, reply.statusCode(), reply.body());
    assertTrue(
        reply
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }

  @Test
  void everyAnswer_carriesTheRateLimitHeaders() {
    for (Http.Reply reply :
        new Http.Reply[] {
          gateway.get("/api/v1/auth/jwks"),
          gateway.get("/api/v1/spaceships"),
          gateway.get("/api/v1/auth/me"),
          gateway.post("/api/v1/auth/signin", json("email", "x@it.test", "password", "wrong-pw"))
        }) {
      assertEquals("1000000", reply.header("RateLimit-Limit"), reply.toString());
      assertTrue(Long.parseLong(reply.header("RateLimit-Remaining")) < 1000000, reply.toString());
      assertNotNull(reply.header("RateLimit-Reset"), reply.toString());
    }
  }

  @Test
  void health_reportsTheServicesBehindTheGateway() {
    Http.Reply health = Http.to(Airline.url("gateway")).get("/health");
    assertEquals(200, health.status(), health.body());
    assertTrue(health.body().contains("\"auth\":\"UP\""), health.body());
  }
}
