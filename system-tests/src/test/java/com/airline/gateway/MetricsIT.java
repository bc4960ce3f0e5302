package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's traffic in its /metrics (Prometheus text). */
class MetricsIT {

  static URI gateway;
  static URI strict;

  @BeforeAll
  static void start() {
    Airline.start("auth");
    gateway = Airline.start("gateway");
    strict = Airline.strictGateways().get(1);
  }

  /** The sum of a metric's samples whose labels include all of these. */
  static double sample(URI base, String metric, String... labels) {
    Http.Reply reply = Http.to(base).get("/metrics");
    assertEquals(200, reply.status());
    return reply
        .body()
        .lines()
        .filter(l -> l.startsWith(metric + "{"))
        .filter(l -> List.of(labels).stream().allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void requestsByRouteAndStatus_andLatencyByRoute() {
    String auth = "route=\"/api/v1/auth\"";
    double ok = sample(gateway, "gateway_requests_total", auth, "status=\"200\"");
    double timed = sample(gateway, "gateway_latency_seconds_count", auth);
    double unrouted = sample(gateway, "gateway_requests_total", "route=\"none\"", "status=\"404\"");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, Http.to(gateway).get("/api/v1/auth/jwks").status());
    }
    assertEquals(404, Http.to(gateway).get("/api/v1/spaceships").status());

    assertEquals(ok + 3, sample(gateway, "gateway_requests_total", auth, "status=\"200\""));
    assertEquals(timed + 3, sample(gateway, "gateway_latency_seconds_count", auth));
    assertTrue(
        sample(gateway, "gateway_latency_seconds_bucket", auth, "le=\"0.5\"") >= 3,
        Http.to(gateway)
            .get("/metrics")
            .body()
            .lines()
            .filter(l -> l.startsWith("gateway_latency"))
            .toList()
            .toString());
    assertEquals(
        unrouted + 1,
        sample(gateway, "gateway_requests_total", "route=\"none\"", "status=\"404\""));
  }

  @Test
  void limitedRequests_andUpstreamFailures_areCounted() {
    double limited = sample(strict, "gateway_rate_limited_total", "limit=\"client\"");
    double failures = sample(strict, "gateway_upstream_failures_total", "service=\"nowhere\"");
    Http client = Http.to(strict).with("X-Forwarded-For", RateLimitIT.newAddress());
    for (int i = 0; i < Airline.STRICT_LIMIT + 2; i++) {
      client.get("/api/v1/auth/jwks");
    }
    String token = TestUsers.signUp(Http.to(Airline.url("auth"))).token();
    Http.Reply down =
        Http.to(strict)
            .with("X-Forwarded-For", RateLimitIT.newAddress())
            .as(token)
            .get("/api/v1/nowhere/x");
    assertEquals(503, down.status(), down.body());
    assertEquals(limited + 2, sample(strict, "gateway_rate_limited_total", "limit=\"client\""));
    assertEquals(
        failures + 1, sample(strict, "gateway_upstream_failures_total", "service=\"nowhere\""));
    assertTrue(
        sample(strict, "gateway_rate_limit_local_total") == 0, "the data grid served every bucket");
  }
}
