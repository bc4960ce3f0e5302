package com.airline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operations see of each service at its own root: /health/live and /metrics (Prometheus text),
 * with metrics of ours that count what the service did.
 */
class OperationsIT {

  static final String[] SERVICES = {"gateway", "auth", "flights", "booking", "reminder"};

  @BeforeAll
  static void start() {
    Mailbox.start();
    Airline.start("auth", "flights", "booking", "reminder", "gateway");
  }

  /** The sum of a metric's samples (0 when it has none yet), read from the service's /metrics. */
  static double metric(String service, String name, String... labels) {
    Http.Reply reply = Http.to(Airline.url(service)).get("/metrics");
    assertEquals(200, reply.status(), service + ": " + reply.body());
    return reply
        .body()
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> List.of(labels).stream().allMatch(l::contains))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void everyService_isLive() {
    for (String service : SERVICES) {
      Http.Reply live = Http.to(Airline.url(service)).get("/health/live");
      assertEquals(200, live.status(), service + ": " + live.body());
      assertEquals("application/json", live.contentType().split(";")[0], service);
      assertEquals("UP", live.json().getString("status"), service + ": " + live.body());
    }
  }

  @Test
  void everyService_servesPrometheusText() {
    for (String service : SERVICES) {
      Http.Reply metrics = Http.to(Airline.url(service)).get("/metrics");
      assertEquals(200, metrics.status(), service);
      assertEquals("text/plain", metrics.contentType().split(";")[0], service);
      assertTrue(
          metrics.body().lines().anyMatch(l -> l.startsWith("# TYPE ")),
          service + ": " + metrics.body().lines().limit(5).toList());
    }
  }

  @Test
  void eachServicesOwnMetric_countsWhatItDid() throws Exception {
    Http auth = Http.to(Airline.url("auth"));
    String signUps = "com_airline_auth_users_boundary_AuthResource_signups_total";
    String flightsCreated =
        "com_airline_flights_schedule_boundary_FlightsResource_flights_created_total";
    String bookingsRequested =
        "com_airline_booking_checkout_boundary_BookingsResource_bookings_requested_total";
    String remindersScheduled = "reminders_scheduled_total";
    String gatewayRequests = "gateway_requests_total";
    double[] before = {
      metric("auth", signUps),
      metric("flights", flightsCreated),
      metric("booking", bookingsRequested),
      metric("reminder", remindersScheduled),
      metric("gateway", gatewayRequests, "route=\"/api/v1/auth\"", "status=\"200\"")
    };

    TestUsers.TestUser user = TestUsers.signUp(auth);
    long flight =
        Catalogue.asAdmin(auth)
            .on(Http.to(Airline.url("flights")))
            .flight(10)
            .getJsonNumber("id")
            .longValue();
    Http.Reply booked =
        Bookings.book(
            Http.to(Airline.url("booking")).as(user.token()), flight, 1, "Ops", user.email());
    assertEquals(201, booked.status(), booked.body());
    assertEquals(200, Http.to(Airline.url("gateway")).get("/api/v1/auth/jwks").status());

    assertEquals(before[0] + 1, metric("auth", signUps), "auth: the sign-up");
    assertEquals(before[1] + 1, metric("flights", flightsCreated), "flights: the flight");
    assertEquals(before[2] + 1, metric("booking", bookingsRequested), "booking: the booking");
    assertEquals(
        before[4] + 1,
        metric("gateway", gatewayRequests, "route=\"/api/v1/auth\"", "status=\"200\""),
        "gateway: the JWKS request");
    // its confirmation and two reminders, once booking's event has reached the reminder service
    Await.until(
        () -> metric("reminder", remindersScheduled) >= before[3] + 3,
        Duration.ofSeconds(60),
        "reminder: three reminders scheduled");
  }
}
