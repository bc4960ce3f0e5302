package com.airline.flights;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Race;
import com.airline.it.Sql;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryIT {

  static Http flights;
  static Http service;
  static Catalogue catalogue;

  @BeforeAll
  static void start() {
    Airline.start("auth");
    flights = Http.to(Airline.start("flights"));
    service = flights.as(TestServices.bookingToken());
    catalogue = Catalogue.asAdmin(Http.to(Airline.url("auth"))).on(flights);
  }

  private static String reference() {
    return "R"
        + Catalogue.uniqueCode()
        + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
  }

  private static Http.Reply reserve(long flight, String reference, int seats) {
    return TestServices.reserve(service, flight, reference, seats);
  }

  private static int available(long flight) {
    return flights.get("/api/v1/flights/" + flight).json().getInt("availableSeats");
  }

  @Test
  void reserve_takesSeats_andARetryWithTheSameReferenceTakesNoMore() {
    long flight = catalogue.flightId(10);
    String reference = reference();

    Http.Reply first = reserve(flight, reference, 3);
    assertEquals(201, first.status(), first.body());
    assertEquals(7, first.json().getInt("availableSeats"));

    Http.Reply retry = reserve(flight, reference, 3);
    assertEquals(200, retry.status(), retry.body());
    assertEquals(7, retry.json().getInt("availableSeats"));
    assertEquals(7, available(flight));

    assertEquals(409, reserve(flight, reference, 2).status(), "same reference, other seats");
  }

  @Test
  void reserve_whenTooFewSeats_returns409ProblemWithTheSeatsLeft() {
    long flight = catalogue.flightId(4);
    assertEquals(201, reserve(flight, reference(), 3).status());

    Http.Reply reply = reserve(flight, reference(), 2);

    assertEquals(409, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertEquals(1, reply.json().getInt("availableSeats"));
    assertEquals(1, available(flight));
  }

  @Test
  void release_givesSeatsBackOnce_andTheReferenceCannotReserveAgain() {
    long flight = catalogue.flightId(10);
    String reference = reference();
    Http.Reply reserved = reserve(flight, reference, 4);
    assertEquals(201, reserved.status(), reserved.body());
    assertEquals(6, available(flight), "the seats taken before they are given back");

    assertEquals(
        204, service.delete("/api/v1/flights/" + flight + "/reservations/" + reference).status());
    assertEquals(10, available(flight));
    assertEquals(
        204, service.delete("/api/v1/flights/" + flight + "/reservations/" + reference).status());
    assertEquals(10, available(flight), "a second release gives nothing back");
    assertEquals(409, reserve(flight, reference, 4).status());
    assertEquals(10, available(flight));
  }

  @Test
  void releaseBeforeReserve_isRemembered_soALateReserveTakesNothing() {
    long flight = catalogue.flightId(10);
    String reference = reference();

    assertEquals(
        204, service.delete("/api/v1/flights/" + flight + "/reservations/" + reference).status());
    assertEquals(409, reserve(flight, reference, 2).status());
    assertEquals(10, available(flight));
  }

  @Test
  void reserve_onDepartedFlight_returns409() throws Exception {
    long flight = catalogue.flightId(10);
    Catalogue.departed(flight);
    Http.Reply reply = reserve(flight, reference(), 1);
    assertEquals(409, reply.status(), reply.body());
    assertEquals(10, available(flight));
  }

  @Test
  void reserve_unknownFlight404_invalidBody400() {
    assertEquals(404, reserve(987654321L, reference(), 1).status());
    long flight = catalogue.flightId(10);
    assertEquals(400, reserve(flight, "bad ref", 1).status());
    assertEquals(400, reserve(flight, reference(), 0).status());
    assertEquals(
        400,
        service
            .send("POST", "/api/v1/flights/" + flight + "/reservations", "{\"seats\":")
            .status());
  }

  @Test
  void reservations_needAServiceToken() {
    long flight = catalogue.flightId(10);
    String body = json("bookingReference", reference(), "seats", 1).toString();
    assertEquals(
        401, flights.send("POST", "/api/v1/flights/" + flight + "/reservations", body).status());
    Http asUser = flights.as(TestUsers.signUp(Http.to(Airline.url("auth"))).token());
    assertEquals(
        403, asUser.send("POST", "/api/v1/flights/" + flight + "/reservations", body).status());
    Http asAdmin = flights.as(TestUsers.admin(Http.to(Airline.url("auth"))).token());
    assertEquals(
        403, asAdmin.send("POST", "/api/v1/flights/" + flight + "/reservations", body).status());
    assertEquals(10, available(flight));
  }

  @Test
  void fiftyConcurrentReservations_onTenSeats_exactlyTenSucceed() throws Exception {
    long flight = catalogue.flightId(10);
    List<Callable<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String reference = reference() + i;
      calls.add(() -> reserve(flight, reference, 1).status());
    }

    Map<Integer, Long> statuses = Race.tally(calls);

    assertEquals(Map.of(201, 10L, 409, 40L), statuses);
    assertEquals(0, available(flight));
    assertEquals(
        "10 reservations of 10 seats",
        Sql.one(
            "flights",
            "SELECT COUNT(*), SUM(seats) FROM seat_reservation WHERE status = 'HELD' AND flight_id = ?",
            row -> row.getInt(1) + " reservations of " + row.getInt(2) + " seats",
            flight));
  }

  @Test
  void racingRetriesOfOneReservation_takeItsSeatsOnce() throws Exception {
    long flight = catalogue.flightId(10);
    String reference = reference();

    Map<Integer, Long> statuses = Race.tally(12, () -> reserve(flight, reference, 2).status());

    assertEquals(Map.of(201, 1L, 200, 11L), statuses);
    assertEquals(8, available(flight));
  }
}
