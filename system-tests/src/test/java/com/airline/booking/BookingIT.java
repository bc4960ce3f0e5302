package com.airline.booking;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Race;
import com.airline.it.ServerStatements;
import com.airline.it.Sql;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Booking against the real flights service: the whole flow, refusals, races, idempotency, access.
 */
class BookingIT {

  static Http auth;
  static Http flights;
  static Http booking;
  static Catalogue catalogue;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    flights = Http.to(Airline.start("flights"));
    booking = Http.to(Airline.start("booking"));
    catalogue = Catalogue.asAdmin(auth).on(flights);
  }

  static Http.Reply book(Http as, long flight, int seats) {
    return Bookings.book(as, flight, seats, "Ada Lovelace", "ada@it.test");
  }

  static int available(long flight) {
    return flights.get("/api/v1/flights/" + flight).json().getInt("availableSeats");
  }

  @Test
  void book_confirmsAndTakesTheSeatsInFlights() {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(10);

    Http.Reply reply = book(booking.as(user.token()), flight, 3);

    assertEquals(201, reply.status(), reply.body());
    JsonObject created = reply.json();
    assertEquals("CONFIRMED", created.getString("status"));
    assertTrue(
        created.getString("reference").matches("[A-Z2-9]{6}"), created.getString("reference"));
    assertEquals(user.id(), created.getString("userId"), "the user comes from the token");
    assertEquals("360.00", created.getString("totalPrice"));
    assertEquals("EUR", created.getString("currency"));
    assertTrue(
        reply.header("Location").endsWith("/api/v1/bookings/" + created.getString("reference")));
    assertEquals(7, available(flight));
    assertEquals(
        created,
        booking.as(user.token()).get("/api/v1/bookings/" + created.getString("reference")).json());
    assertEquals("en", created.getString("locale"), "no Accept-Language: English");
  }

  @Test
  void book_keepsTheFlightsAirlineAndTheBookersLanguage_inTheBookingAndItsEvents() {
    TestUser user = TestUsers.signUp(auth);
    JsonObject flight = catalogue.flight(10);
    JsonObject airline = flight.getJsonObject("airline");
    Http as = booking.as(user.token()).with("Accept-Language", "de-DE,de;q=0.9,en;q=0.5");

    Http.Reply reply = book(as, flight.getJsonNumber("id").longValue(), 1);

    assertEquals(201, reply.status(), reply.body());
    String reference = reply.json().getString("reference");
    assertEquals(airline, reply.json().getJsonObject("airline"));
    assertEquals("de", reply.json().getString("locale"));
    assertEquals(
        200,
        booking.as(user.token()).post("/api/v1/bookings/" + reference + "/cancel", null).status());
    for (String type : List.of("booking.created", "booking.cancelled")) {
      JsonObject event =
          Sql.one(
              "booking",
              "SELECT payload FROM outbox_event WHERE type = ? AND payload LIKE ?",
              row ->
                  jakarta.json.Json.createReader(new java.io.StringReader(row.getString(1)))
                      .readObject(),
              type,
              "%\"reference\":\"" + reference + "\"%");
      JsonObject booked = event.getJsonObject("booking");
      assertEquals(airline, booked.getJsonObject("airline"), type);
      assertEquals("de", booked.getString("locale"), type);
    }
  }

  @Test
  void book_whenTooFewSeats_409_andTheBookingEndsCancelled() {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(2);

    Http.Reply reply = book(booking.as(user.token()), flight, 3);

    assertEquals(409, reply.status(), reply.body());
    assertEquals(2, reply.json().getInt("availableSeats"));
    assertEquals(2, available(flight));
    JsonObject mine = booking.as(user.token()).get("/api/v1/bookings").json();
    assertEquals(1, mine.getInt("totalItems"));
    assertEquals("CANCELLED", mine.getJsonArray("items").getJsonObject(0).getString("status"));
  }

  @Test
  void thirtyConcurrentBookings_onTenSeats_exactlyTenConfirmed() throws Exception {
    long flight = catalogue.flightId(10);
    List<Http> users = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      users.add(booking.as(TestUsers.signUp(auth).token()));
    }
    List<Callable<Integer>> calls =
        users.stream().<Callable<Integer>>map(u -> () -> book(u, flight, 1).status()).toList();

    Map<Integer, Long> statuses = Race.tally(calls);

    assertEquals(Map.of(201, 10L, 409, 20L), statuses);
    assertEquals(0, available(flight));
    assertEquals(
        List.of("CANCELLED 20", "CONFIRMED 10"),
        Sql.query(
            "booking",
            "SELECT status, COUNT(*) FROM booking WHERE flight_id = ? GROUP BY status ORDER BY status",
            row -> row.getString(1) + " " + row.getInt(2),
            flight));
  }

  @Test
  void idempotencyKey_sameUserGetsTheFirstBooking_seatsTakenOnce() {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(10);
    Http withKey =
        booking
            .as(user.token())
            .with("Idempotency-Key", "key-" + Airline.RUN + "-" + System.nanoTime());

    Http.Reply first = book(withKey, flight, 2);
    Http.Reply again = book(withKey, flight, 2);

    assertEquals(201, first.status(), first.body());
    assertEquals(201, again.status(), again.body());
    assertEquals(first.json(), again.json());
    assertEquals(8, available(flight));

    Http otherUserSameKey =
        booking
            .as(TestUsers.signUp(auth).token())
            .with("Idempotency-Key", withKey.header("Idempotency-Key"));
    assertEquals(201, book(otherUserSameKey, flight, 2).status(), "keys belong to their user");
    assertEquals(6, available(flight));
  }

  @Test
  void idempotencyKey_racingDuplicates_oneBooking() throws Exception {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(10);
    Http withKey =
        booking
            .as(user.token())
            .with("Idempotency-Key", "race-" + Airline.RUN + "-" + System.nanoTime());

    Map<String, Long> references =
        Race.tally(8, () -> book(withKey, flight, 3).json().getString("reference"));

    assertEquals(1, references.size(), references.toString());
    assertEquals(7, available(flight));
    assertEquals(1, booking.as(user.token()).get("/api/v1/bookings").json().getInt("totalItems"));
  }

  @Test
  void otherUsersBookings_are404_staffSeeThem_onlyOwnerOrAdminCancel() {
    TestUser owner = TestUsers.signUp(auth);
    String reference =
        book(booking.as(owner.token()), catalogue.flightId(10), 1).json().getString("reference");
    Http stranger = booking.as(TestUsers.signUp(auth).token());
    Http support = booking.as(TestUsers.withRoles(auth, "SUPPORT").token());
    Http admin = booking.as(TestUsers.admin(auth).token());

    assertEquals(404, stranger.get("/api/v1/bookings/" + reference).status());
    assertEquals(404, stranger.post("/api/v1/bookings/" + reference + "/cancel", json()).status());
    assertEquals(0, stranger.get("/api/v1/bookings").json().getInt("totalItems"));
    assertEquals(200, support.get("/api/v1/bookings/" + reference).status());
    assertEquals(
        1, support.get("/api/v1/bookings?userId=" + owner.id()).json().getInt("totalItems"));
    assertEquals(403, support.post("/api/v1/bookings/" + reference + "/cancel", json()).status());
    assertEquals(
        1,
        admin
            .get("/api/v1/bookings?userId=" + owner.id() + "&status=CONFIRMED")
            .json()
            .getInt("totalItems"));
    assertEquals(401, booking.get("/api/v1/bookings/" + reference).status());
    Http.Reply cancelled = admin.post("/api/v1/bookings/" + reference + "/cancel", json());
    assertEquals("CANCELLED", cancelled.json().getString("status"));
  }

  @Test
  void cancel_givesTheSeatsBack_andCancellingAgainChangesNothing() {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(10);
    Http as = booking.as(user.token());
    String reference = book(as, flight, 4).json().getString("reference");
    assertEquals(6, available(flight));

    Http.Reply cancelled = as.post("/api/v1/bookings/" + reference + "/cancel", json());
    assertEquals(200, cancelled.status(), cancelled.body());
    assertEquals("CANCELLED", cancelled.json().getString("status"));
    assertEquals(10, available(flight));

    Http.Reply again = as.post("/api/v1/bookings/" + reference + "/cancel", json());
    assertEquals(200, again.status());
    assertEquals(cancelled.json().getString("updatedAt"), again.json().getString("updatedAt"));
    assertEquals(10, available(flight));
  }

  @Test
  void cancel_racingRequests_allAnswer200_andCancelOnce() throws Exception {
    TestUser user = TestUsers.signUp(auth);
    long flight = catalogue.flightId(10);
    Http as = booking.as(user.token());
    String reference = book(as, flight, 4).json().getString("reference");

    assertEquals(
        Map.of(200, 6L),
        Race.tally(6, () -> as.post("/api/v1/bookings/" + reference + "/cancel", json()).status()));

    assertEquals(10, available(flight));
    assertEquals(
        1,
        Sql.number(
            "booking",
            "SELECT COUNT(*) FROM outbox_event WHERE type = 'booking.cancelled' AND payload LIKE ?",
            "%\"" + reference + "\"%"),
        "one booking.cancelled event");
  }

  @Test
  void cancel_afterDeparture_returns409() throws Exception {
    TestUser user = TestUsers.signUp(auth);
    Http as = booking.as(user.token());
    String reference = book(as, catalogue.flightId(10), 1).json().getString("reference");
    Sql.update(
        "booking",
        "UPDATE booking SET departure_time = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE reference = ?",
        reference);
    assertEquals(409, as.post("/api/v1/bookings/" + reference + "/cancel", json()).status());
    assertEquals("CONFIRMED", as.get("/api/v1/bookings/" + reference).json().getString("status"));
  }

  @Test
  void book_unknownFlight400_departedFlight409() throws Exception {
    Http as = booking.as(TestUsers.signUp(auth).token());
    Http.Reply unknown = book(as, 987654321L, 1);
    assertEquals(400, unknown.status(), unknown.body());
    assertEquals(
        "flightId", unknown.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals("/api/v1/bookings", unknown.json().getString("instance"), unknown.body());
    assertEquals(unknown.header("X-Request-ID"), unknown.json().getString("requestId"));

    long departed = catalogue.flightId(10);
    Catalogue.departed(departed);
    assertEquals(409, book(as, departed, 1).status());
  }

  @Test
  void book_invalidInput_400ProblemPerField() {
    Http as = booking.as(TestUsers.signUp(auth).token());
    Map<String, JsonObject> bodies =
        Map.of(
            "seats",
                json(
                    "flightId",
                    1,
                    "seats",
                    10,
                    "passengerName",
                    "A",
                    "passengerEmail",
                    "a@it.test"),
            "passengerEmail",
                json("flightId", 1, "seats", 1, "passengerName", "A", "passengerEmail", "nope"),
            "passengerName",
                json(
                    "flightId", 1, "seats", 1, "passengerName", " ", "passengerEmail", "a@it.test"),
            "flightId", json("seats", 1, "passengerName", "A", "passengerEmail", "a@it.test"));
    bodies.forEach(
        (field, body) -> {
          Http.Reply reply = as.post("/api/v1/bookings", body);
          assertEquals(400, reply.status(), field + ": " + reply.body());
          assertEquals("application/problem+json", reply.contentType().split(";")[0]);
          assertEquals(
              field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        });
    assertEquals(400, as.send("POST", "/api/v1/bookings", "{\"flightId\":\"x\"}").status());
    assertEquals(400, as.send("POST", "/api/v1/bookings", "{").status());
    assertEquals(400, as.get("/api/v1/bookings?status=LOST").status());
    assertEquals(400, as.get("/api/v1/bookings?page=2147483647&size=100").status());
    assertEquals(
        401,
        booking
            .post(
                "/api/v1/bookings",
                json(
                    "flightId", 1, "seats", 1, "passengerName", "A", "passengerEmail", "a@it.test"))
            .status());
  }

  @Test
  void throughTheGateway_bookAndRead() {
    Http gateway = Http.to(Airline.start("gateway"));
    TestUser user = TestUsers.signUp(auth);
    Http.Reply reply = book(gateway.as(user.token()), catalogue.flightId(10), 1);
    assertEquals(201, reply.status(), reply.body());
    assertNotNull(
        gateway
            .as(user.token())
            .get("/api/v1/bookings/" + reply.json().getString("reference"))
            .json()
            .getString("status"));
  }

  @Test
  void bookingAndCancelling_leavesNoStatementOpenOnTheDatabase() {
    Http as = booking.as(TestUsers.signUp(auth).token());
    long flight = catalogue.flightId(ServerStatements.REPEATS + 20);

    long growth =
        ServerStatements.growthAfter(
            "booking",
            () -> {
              Http.Reply booked = book(as, flight, 1);
              assertEquals(201, booked.status(), booked.body());
              String cancel =
                  "/api/v1/bookings/" + booked.json().getString("reference") + "/cancel";
              Http.Reply cancelled = as.post(cancel, json());
              assertEquals(200, cancelled.status(), cancelled.body());
            });

    assertTrue(
        growth < ServerStatements.MAX_GROWTH,
        ServerStatements.REPEATS
            + " bookings and cancellations left "
            + growth
            + " more statements open");
  }
}
