package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import com.airline.it.Tokens;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway refuses bad tokens and non-admin catalogue writes itself, before any service sees
 * them.
 */
class EdgeAuthIT {

  static Http gateway;
  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    Airline.start("flights");
    gateway = Http.to(Airline.start("gateway"));
  }

  private static void assertRefusedAtTheDoor(int status, Http.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertTrue(
        reply.json().getString("detail").endsWith("(checked at the gateway)."), reply.body());
  }

  @Test
  void withoutToken_protectedPathsAre401_publicOnesPass() {
    assertRefusedAtTheDoor(401, gateway.get("/api/v1/auth/me"));
    assertRefusedAtTheDoor(401, gateway.get("/api/v1/bookings"));
    assertRefusedAtTheDoor(401, gateway.get("/api/v1/users"));
    assertEquals("Bearer", gateway.get("/api/v1/roles").header("WWW-Authenticate"));
    assertEquals(200, gateway.get("/api/v1/flights?size=1").status());
    assertEquals(200, gateway.get("/api/v1/airports").status());
    assertEquals(200, gateway.get("/api/v1/airlines?q=a").status());
    assertRefusedAtTheDoor(
        401, gateway.post("/api/v1/airlines", json("code", "ZZ", "name", "Edge", "country", "NL")));
    assertEquals(200, gateway.get("/api/v1/auth/jwks").status());
    assertEquals(
        401,
        gateway
            .post(
                "/api/v1/auth/signin",
                json("email", TestUsers.uniqueEmail("nobody"), "password", "wrong-password"))
            .status());
  }

  @Test
  void badTokens_are401AtTheDoor() throws Exception {
    String token = TestUsers.signUp(auth).token();
    long past = Instant.now().minusSeconds(7200).getEpochSecond();
    String[] parts = token.split("\\.");
    String[] bad = {
      parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA",
      Tokens.signed(
          Tokens.header(token),
          Json.createObjectBuilder(Tokens.changed(token, "exp", past))
              .add("iat", past - 60)
              .build()),
      Tokens.unsigned(Tokens.claims(token)),
      Tokens.signed(Tokens.header(token), Tokens.changed(token, "iss", "someone-else")),
      Tokens.signed(Tokens.header(token), Tokens.changed(token, "aud", "another-system")),
      Tokens.signed(
          Json.createObjectBuilder(Tokens.header(token)).add("alg", "HS256").build(),
          Tokens.claims(token)),
      "not-a-token"
    };
    for (String candidate : bad) {
      assertRefusedAtTheDoor(401, gateway.as(candidate).get("/api/v1/auth/me"));
    }
    assertEquals(200, gateway.as(token).get("/api/v1/auth/me").status());
  }

  @Test
  void cors_preflightAnsweredAtTheGateway_forConfiguredOriginsOnly() {
    Http.Reply preflight =
        gateway
            .with("Origin", "https://app.it.test")
            .with("Access-Control-Request-Method", "POST")
            .with("Access-Control-Request-Headers", "authorization, content-type")
            .send("OPTIONS", "/api/v1/bookings", null);
    assertEquals(204, preflight.status(), preflight.body());
    assertEquals("https://app.it.test", preflight.header("Access-Control-Allow-Origin"));
    assertTrue(preflight.header("Access-Control-Allow-Methods").contains("POST"));
    assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));

    Http.Reply stranger =
        gateway
            .with("Origin", "https://evil.example")
            .with("Access-Control-Request-Method", "POST")
            .send("OPTIONS", "/api/v1/bookings", null);
    assertEquals(null, stranger.header("Access-Control-Allow-Origin"));

    Http.Reply simple = gateway.with("Origin", "https://app.it.test").get("/api/v1/flights?size=1");
    assertEquals(200, simple.status());
    assertEquals("https://app.it.test", simple.header("Access-Control-Allow-Origin"));
    assertTrue(simple.header("Access-Control-Expose-Headers").contains("X-Request-ID"));
  }

  @Test
  void catalogueWrites_needAdminAtTheDoor() {
    String user = TestUsers.signUp(auth).token();
    assertRefusedAtTheDoor(
        403, gateway.as(user).post("/api/v1/cities", json("name", "Edge", "country", "NL")));
    assertRefusedAtTheDoor(403, gateway.as(user).send("DELETE", "/api/v1/airplanes/1", null));
    assertRefusedAtTheDoor(
        403,
        gateway
            .as(user)
            .post("/api/v1/airlines", json("code", "ZZ", "name", "Edge", "country", "NL")));
    assertRefusedAtTheDoor(403, gateway.as(user).send("DELETE", "/api/v1/airlines/ZZ", null));
    Http.Reply admin =
        gateway
            .as(TestUsers.admin(auth).token())
            .post("/api/v1/cities", json("name", Catalogue.uniqueName("Edge"), "country", "NL"));
    assertEquals(201, admin.status(), admin.body());
    String code = Catalogue.uniqueDesignator();
    Http.Reply airline =
        gateway
            .as(TestUsers.admin(auth).token())
            .post(
                "/api/v1/airlines",
                json(
                    "code",
                    code,
                    "name",
                    Catalogue.uniqueName("Edge"),
                    "country",
                    "NL",
                    "active",
                    jakarta.json.JsonValue.TRUE));
    assertEquals(201, airline.status(), airline.body());
    assertEquals(code, gateway.get("/api/v1/airlines/" + code).json().getString("code"));
  }
}
