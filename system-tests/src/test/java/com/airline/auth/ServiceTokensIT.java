package com.airline.auth;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SERVICE tokens: only a configured client with its secret gets one, and one is good for seat
 * reservations in flights only, never as a user anywhere else.
 */
class ServiceTokensIT {

  static Http auth;
  static Http gateway;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    gateway = Http.to(Airline.start("gateway"));
  }

  static void assertProblem(int status, Http.Reply reply, String what) {
    assertEquals(status, reply.status(), what + ": " + reply);
    assertEquals(
        "application/problem+json", reply.contentType().split(";")[0], what + ": " + reply);
    assertEquals(status, reply.json().getInt("status"), what + ": " + reply);
  }

  @Test
  void wrongSecretOrUnknownClient_401Problem_withoutAToken() {
    String secret = Airline.SERVICE_SECRET;
    List<JsonObject> refused =
        List.of(
            json("clientId", "booking", "clientSecret", secret + "0"),
            json("clientId", "booking", "clientSecret", secret.substring(1)),
            json("clientId", "booking", "clientSecret", secret.toUpperCase()),
            json("clientId", "flights", "clientSecret", secret),
            json("clientId", "Booking", "clientSecret", secret));
    for (JsonObject body : refused) {
      for (Http at : List.of(auth, gateway)) {
        Http.Reply reply = at.post("/api/v1/auth/service-tokens", body);
        assertProblem(401, reply, body.toString());
        assertFalse(reply.json().containsKey("accessToken"), reply.body());
      }
    }
    assertEquals(
        200,
        auth.post(
                "/api/v1/auth/service-tokens", json("clientId", "booking", "clientSecret", secret))
            .status(),
        "the right pair gets one");
  }

  @Test
  void aServiceToken_reservesSeats_butIsRefusedAsAUserEverywhereElse() {
    Http flights = Http.to(Airline.start("flights"));
    Http booking = Http.to(Airline.start("booking"));
    Http reminder = Http.to(Airline.start("reminder"));
    String token = TestServices.bookingToken();
    Catalogue catalogue = Catalogue.asAdmin(auth).on(flights);
    long flight = catalogue.flightId(10);
    long other = catalogue.flightId(10);
    String someUser = TestUsers.signUp(auth).id();
    JsonObject aBooking =
        json(
            "flightId",
            other,
            "seats",
            2,
            "passengerName",
            "Service Account",
            "passengerEmail",
            "service@it.test");

    Http.Reply reserved =
        flights
            .as(token)
            .post(
                "/api/v1/flights/" + flight + "/reservations",
                json("bookingReference", "SVC" + Catalogue.uniqueCode(), "seats", 1));
    assertEquals(201, reserved.status(), "what the token is for: " + reserved);

    for (Http service : List.of(booking, gateway)) {
      Http as = service.as(token);
      assertProblem(403, as.post("/api/v1/bookings", aBooking), "POST /bookings");
      assertProblem(403, as.get("/api/v1/bookings"), "GET /bookings");
      assertProblem(403, as.get("/api/v1/bookings?userId=" + someUser), "GET /bookings?userId");
      assertProblem(403, as.get("/api/v1/bookings/ABCDEF"), "GET /bookings/{reference}");
    }
    assertEquals(
        10,
        flights.get("/api/v1/flights/" + other).json().getInt("availableSeats"),
        "no seats taken for a service's booking");
    for (Http service : List.of(auth, gateway)) {
      Http as = service.as(token);
      assertProblem(403, as.get("/api/v1/users"), "GET /users");
      assertProblem(403, as.get("/api/v1/users/" + someUser), "GET /users/{id}");
      assertProblem(
          403, as.patch("/api/v1/users/" + someUser, json("name", "Taken")), "PATCH /users/{id}");
      assertProblem(403, as.get("/api/v1/auth/me"), "GET /auth/me");
      assertProblem(403, as.get("/api/v1/roles"), "GET /roles");
      assertProblem(
          403,
          as.post("/api/v1/roles", json("name", "SVC_ROLE", "description", "made by a service")),
          "POST /roles");
    }
    for (Http service : List.of(flights, gateway)) {
      Http as = service.as(token);
      assertProblem(
          403, as.post("/api/v1/cities", json("name", "Service City", "country", "NL")), "city");
      assertProblem(
          403,
          as.post("/api/v1/airplanes", json("model", "Service Jet", "capacity", 10)),
          "airplane");
      assertProblem(
          403, as.patch("/api/v1/flights/" + flight, json("price", "1.00")), "PATCH /flights");
      assertProblem(403, as.delete("/api/v1/flights/" + other), "DELETE /flights");
    }
    assertProblem(
        403, reminder.as(token).get("/api/v1/reminders?booking=ABCDEF"), "GET /reminders");
    assertEquals(
        "120.00", flights.get("/api/v1/flights/" + flight).json().getString("price"), "unchanged");
  }
}
