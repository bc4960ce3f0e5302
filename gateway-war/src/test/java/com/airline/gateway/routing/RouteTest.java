package com.airline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

  final Route users =
      new Route(
          "/api/v1/users",
          new Upstream(
              "auth",
              List.of(URI.create("http://127.0.0.1:8081")),
              List.of(),
              Duration.ofSeconds(1),
              Duration.ofSeconds(1),
              3,
              Duration.ofSeconds(10)));

  @Test
  void matches_thePrefixAndPathsBelowIt() {
    assertTrue(users.matches("/api/v1/users"));
    assertTrue(users.matches("/api/v1/users/42/roles"));
  }

  @Test
  void matches_wholeSegmentsOnly() {
    assertFalse(users.matches("/api/v1/usersx"));
    assertFalse(users.matches("/api/v1/use"));
    assertFalse(users.matches("/api/v1"));
  }
}
