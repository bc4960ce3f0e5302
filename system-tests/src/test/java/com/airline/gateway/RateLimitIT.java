package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on two gateway instances that share one cluster and strict limits (Airline.STRICT_*).
 * Each test is a client address of its own, given through X-Forwarded-For, which these gateways
 * believe from 127.0.0.1 only.
 */
class RateLimitIT {

  static Http auth;
  static Http first;
  static Http second;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    List<java.net.URI> gateways = Airline.strictGateways();
    first = Http.to(gateways.get(0));
    second = Http.to(gateways.get(1));
  }

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** A client address no other test of this run has used (198.51.0.1 to 198.51.255.254). */
  static String newAddress() {
    int n = ADDRESSES.getAndIncrement();
    if (n >= 256 * 254) {
      throw new IllegalStateException("every test address is used");
    }
    return "198.51." + n / 254 + "." + (n % 254 + 1);
  }

  static void assertLimited(Http.Reply reply) {
    assertEquals(429, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertEquals(429, reply.json().getInt("status"));
    assertEquals(reply.header("X-Request-ID"), reply.json().getString("requestId"));
    long retryAfter = Long.parseLong(reply.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= Airline.STRICT_WINDOW.toSeconds(), "" + retryAfter);
    assertEquals("0", reply.header("RateLimit-Remaining"));
  }

  @Test
  void pastTheLimit_returns429ProblemWithRetryAfter_andEveryAnswerCountsDown() {
    Http client = first.with("X-Forwarded-For", newAddress());
    for (long left = Airline.STRICT_LIMIT - 1; left >= 0; left--) {
      Http.Reply reply = client.get("/api/v1/auth/jwks");
      assertEquals(200, reply.status(), reply.body());
      assertEquals(Long.toString(Airline.STRICT_LIMIT), reply.header("RateLimit-Limit"));
      assertEquals(Long.toString(left), reply.header("RateLimit-Remaining"));
      long reset = Long.parseLong(reply.header("RateLimit-Reset"));
      assertTrue(reset >= 0 && reset <= Airline.STRICT_WINDOW.toSeconds(), "" + reset);
    }
    assertLimited(client.get("/api/v1/auth/jwks"));
    assertLimited(client.get("/api/v1/no-such-service"));
    assertEquals(
        200,
        first.with("X-Forwarded-For", newAddress()).get("/api/v1/auth/jwks").status(),
        "another client has a bucket of its own");
  }

  @Test
  void afterTheWindow_theLimitIsWholeAgain() throws InterruptedException {
    Http client = first.with("X-Forwarded-For", newAddress());
    for (int i = 0; i < Airline.STRICT_LIMIT; i++) {
      assertEquals(200, client.get("/api/v1/auth/jwks").status());
    }
    Http.Reply limited = client.get("/api/v1/auth/jwks");
    assertLimited(limited);
    Thread.sleep(Long.parseLong(limited.header("Retry-After")) * 1000 + 300);
    Http.Reply again = client.get("/api/v1/auth/jwks");
    assertEquals(200, again.status(), again.body());
    assertEquals(Long.toString(Airline.STRICT_LIMIT - 1), again.header("RateLimit-Remaining"));
  }

  @Test
  void twoGatewaysInOneGrid_countAgainstOneLimit_whileOtherServicesHoldTheBuckets()
      throws Exception {
    // The grid as the first gateway last logged it: both gateways and other services' members, all
    // data members (not lite), among which Hazelcast spreads the buckets' partitions.
    String log =
        Files.readString(
            Airline.logs().resolveSibling("strict-gateways/logs/gateway-1.log"),
            StandardCharsets.ISO_8859_1);
    String grid = log.substring(log.lastIndexOf("Payara Data Grid State"));
    for (String member :
        List.of("strict-gateway-1", "strict-gateway-2", "auth-1", "flights-1", "booking-1")) {
      assertTrue(grid.contains("Name: " + member + " Lite: false"), grid);
    }
    String address = newAddress();
    Http[] gateways = {
      first.with("X-Forwarded-For", address), second.with("X-Forwarded-For", address)
    };
    for (int i = 0; i < Airline.STRICT_LIMIT; i++) {
      Http.Reply reply = gateways[i % 2].get("/api/v1/auth/jwks");
      assertEquals(200, reply.status(), reply.body());
      assertEquals(
          Long.toString(Airline.STRICT_LIMIT - 1 - i),
          reply.header("RateLimit-Remaining"),
          "request " + i + " on gateway " + (i % 2));
    }
    assertLimited(gateways[0].get("/api/v1/auth/jwks"));
    assertLimited(gateways[1].get("/api/v1/auth/jwks"));
  }

  @Test
  void signIn_hasAStricterLimitPerAddress() {
    Http client = first.with("X-Forwarded-For", newAddress());
    String unknown = TestUsers.uniqueEmail("guess");
    for (int i = 0; i < Airline.STRICT_SIGN_IN_LIMIT; i++) {
      Http.Reply reply =
          client.post("/api/v1/auth/signin", json("email", unknown, "password", "guess-" + i));
      assertEquals(401, reply.status(), reply.body());
      assertEquals(Long.toString(Airline.STRICT_SIGN_IN_LIMIT), reply.header("RateLimit-Limit"));
    }
    assertLimited(client.post("/api/v1/auth/signin", json("email", unknown, "password", "again")));
    assertLimited(
        client.post(
            "/api/v1/auth/signup",
            json("email", TestUsers.uniqueEmail("rl"), "password", "long-enough", "name", "R")));
    Http.Reply other = client.get("/api/v1/auth/jwks");
    assertEquals(200, other.status(), "other paths count in the address's own bucket");
    assertEquals(Long.toString(Airline.STRICT_LIMIT), other.header("RateLimit-Limit"));
  }

  @Test
  void signedInUsers_countByUser_notByAddress() {
    String address = newAddress();
    String token = TestUsers.signUp(auth).token();
    Http anonymous = first.with("X-Forwarded-For", address);
    for (int i = 0; i < Airline.STRICT_LIMIT; i++) {
      assertEquals(200, anonymous.get("/api/v1/auth/jwks").status());
    }
    assertLimited(anonymous.get("/api/v1/auth/jwks"));

    Http.Reply me = anonymous.as(token).get("/api/v1/auth/me");
    assertEquals(200, me.status(), me.body());
    assertEquals(Long.toString(Airline.STRICT_LIMIT - 1), me.header("RateLimit-Remaining"));
    Http elsewhere = second.with("X-Forwarded-For", newAddress()).as(token);
    assertEquals(
        Long.toString(Airline.STRICT_LIMIT - 2),
        elsewhere.get("/api/v1/auth/me").header("RateLimit-Remaining"),
        "the user's bucket follows the user to another address and gateway");
  }
}
