package com.airline.booking;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Sql;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Booking while flights is down, and how everything left open is settled once it is back. */
class FlightsOutageIT {

  @Test
  void flightsDown_503NothingHalfDone_thenEverythingSettlesWhenItReturns() throws Exception {
    Http auth = Http.to(Airline.start("auth"));
    Http flights = Http.to(Airline.start("flights"));
    Http booking = Http.to(Airline.start("booking"));
    Catalogue catalogue = Catalogue.asAdmin(auth).on(flights);
    JsonObject scheduled = catalogue.flight(10);
    long flight = scheduled.getJsonNumber("id").longValue();
    TestUser user = TestUsers.signUp(auth);
    Http as = booking.as(user.token());
    String confirmed = BookingIT.book(as, flight, 2).json().getString("reference");
    // A booking left PENDING by a crash between "seats taken" and "confirmed": its seats taken
    // now, its row written only once flights is down, so that the settlement cannot finish it
    // before the outage.
    String stranded = "S" + Catalogue.uniqueCode() + "ZZ";
    Http.Reply taken =
        flights
            .as(TestServices.bookingToken())
            .post(
                "/api/v1/flights/" + flight + "/reservations",
                json("bookingReference", stranded, "seats", 3));
    assertEquals(201, taken.status(), taken.body());
    assertEquals(5, available(flights, flight));

    Airline.stop("flights");
    try {
      long logged = settlementLog().length();
      insertPending(stranded, user.id(), scheduled, 3);
      Instant before = Instant.now();
      Http.Reply refused = BookingIT.book(as, flight, 1);
      assertEquals(503, refused.status(), refused.body());
      assertEquals("application/problem+json", refused.contentType().split(";")[0]);
      assertEquals("5", refused.header("Retry-After"));
      assertEquals(true, Duration.between(before, Instant.now()).toSeconds() < 15, "fails fast");
      assertEquals(
          2,
          Sql.number("booking", "SELECT COUNT(*) FROM booking WHERE user_id = ?", user.id()),
          "no booking from the failed request");

      Http.Reply cancelled = as.post("/api/v1/bookings/" + confirmed + "/cancel", json());
      assertEquals(200, cancelled.status(), cancelled.body());
      assertEquals("CANCELLED", cancelled.json().getString("status"));
      // a settlement run while flights is down (every 10 s) gives the stranded booking up, and
      // keeps its seats to give back once flights answers
      Await.until(
          () -> settlementRanSince(logged, stranded),
          Duration.ofSeconds(60),
          "a settlement run while flights is down");
      assertEquals("CANCELLED", status(stranded));
      assertEquals(
          1,
          Sql.number(
              "booking",
              "SELECT COUNT(*) FROM booking WHERE seats_held AND reference = ?",
              stranded));
    } finally {
      Airline.start("flights");
    }

    Await.until(
        () -> available(flights, flight) == 10,
        Duration.ofSeconds(60),
        "seats of the cancelled and the stranded booking back on sale");
    assertEquals("CANCELLED", status(stranded));
    assertEquals(
        0,
        Sql.number(
            "booking", "SELECT COUNT(*) FROM booking WHERE seats_held AND flight_id = ?", flight));

    // Leaves booking as the next tests expect it: its circuit to flights, opened by the outage,
    // closed again, so that a cancellation gives its seats back at once (not through the
    // settlement).
    Await.until(
        () -> {
          Http.Reply booked = BookingIT.book(as, flight, 1);
          if (booked.status() != 201) {
            return false;
          }
          String reference = booked.json().getString("reference");
          as.post("/api/v1/bookings/" + reference + "/cancel", json());
          return available(flights, flight) == 10;
        },
        Duration.ofSeconds(60),
        "a cancellation giving its seats back at once");
  }

  private static int available(Http flights, long flight) {
    return flights.get("/api/v1/flights/" + flight).json().getInt("availableSeats");
  }

  private static void insertPending(String reference, String userId, JsonObject flight, int seats) {
    Sql.update(
        "booking",
        "INSERT INTO booking (reference, user_id, flight_id, flight_number, airline_code, airline_name,"
            + " departure_time, departure_airport, arrival_airport,"
            + " seats, total_price, currency, passenger_name, passenger_email, status, seats_held, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL 3 DAY, ?, ?, ?, 100.00, 'EUR', 'Stranded', 's@it.test',"
            + " 'PENDING', FALSE, UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY)",
        reference,
        userId,
        flight.getJsonNumber("id").longValue(),
        flight.getString("flightNumber"),
        flight.getJsonObject("airline").getString("code"),
        flight.getJsonObject("airline").getString("name"),
        flight.getJsonObject("departureAirport").getString("code"),
        flight.getJsonObject("arrivalAirport").getString("code"),
        seats);
  }

  private static java.io.File settlementLog() {
    return Airline.logs().resolve("booking-1.log").toFile();
  }

  /**
   * Whether booking logged, after the log had this length, a settlement run that gave up the
   * stranded booking and found flights down when it tried to give its seats back.
   */
  private static boolean settlementRanSince(long length, String stranded) {
    try (var log = new java.io.RandomAccessFile(settlementLog(), "r")) {
      log.seek(length);
      byte[] tail = new byte[(int) (log.length() - length)];
      log.readFully(tail);
      String lines = new String(tail, java.nio.charset.StandardCharsets.ISO_8859_1);
      return lines.contains("Seats of " + stranded + " not released yet");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String status(String reference) {
    return Sql.one(
        "booking",
        "SELECT status FROM booking WHERE reference = ?",
        row -> row.getString(1),
        reference);
  }
}
