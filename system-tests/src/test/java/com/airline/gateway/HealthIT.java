package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The gateway's GET /health for the whole system: each routed service's readiness as data, the
 * gateway itself UP whatever they are, so that one service down never takes the door out.
 */
class HealthIT {

  /** The data of the gateway's "services" check: each service's UP or DOWN. */
  static JsonObject services(Http.Reply health) {
    return health.json().getJsonArray("checks").stream()
        .map(JsonObject.class::cast)
        .filter(c -> c.getString("name").equals("services"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no services check: " + health))
        .getJsonObject("data");
  }

  @Test
  void aStoppedService_isDownInTheGatewaysHealth_theGatewayStaysUp_andItsRequestsGet503()
      throws Exception {
    Http auth = Http.to(Airline.start("auth"));
    Airline.start("flights", "booking", "reminder");
    Http gateway = Http.to(Airline.start("gateway"));
    Http user = gateway.as(TestUsers.signUp(auth).token());
    Http.Reply before = gateway.get("/health");
    assertEquals(200, before.status(), before.body());
    for (String service : new String[] {"auth", "flights", "booking", "reminder"}) {
      assertEquals("UP", services(before).getString(service), before.body());
    }

    Airline.stop("booking");
    try {
      Http.Reply down = gateway.get("/health");
      assertEquals(200, down.status(), "the gateway still takes traffic: " + down.body());
      assertEquals("UP", down.json().getString("status"), down.body());
      assertEquals("DOWN", services(down).getString("booking"), down.body());
      for (String service : new String[] {"auth", "flights", "reminder"}) {
        assertEquals("UP", services(down).getString(service), down.body());
      }
      Http.Reply ready = gateway.get("/health/ready");
      assertEquals(200, ready.status(), ready.body());
      assertEquals("DOWN", services(ready).getString("booking"), ready.body());

      Http.Reply refused = user.get("/api/v1/bookings");
      assertEquals(503, refused.status(), refused.body());
      assertEquals("application/problem+json", refused.contentType().split(";")[0]);
      assertEquals("The booking service is unavailable.", refused.json().getString("detail"));
      assertEquals(200, user.get("/api/v1/auth/me").status(), "the others are served");
    } finally {
      Airline.start("booking");
    }

    Http.Reply after = gateway.get("/health");
    assertEquals("UP", services(after).getString("booking"), after.body());
    // the gateway skips booking for a few seconds more (its circuit opened while booking was down)
    Await.until(
        () -> user.get("/api/v1/bookings").status() == 200,
        Duration.ofSeconds(60),
        "bookings served through the gateway again");
  }
}
