package com.airline.booking;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    long flight = catalogue.flight(10).getJsonNumber("id").longValue();
    TestUser user = TestUsers.signUp(auth);
    Http as = booking.as(user.token());
    String confirmed = BookingIT.book(as, flight, 2).json().getString("reference");
    // A booking left PENDING by a crash between "seats taken" and "confirmed":
    String stranded = "S" + Catalogue.uniqueCode() + "ZZ";
    flights
        .as(TestServices.bookingToken())
        .post(
            "/api/v1/flights/" + flight + "/reservations",
            json("bookingReference", stranded, "seats", 3));
    insertPending(stranded, user.id(), flight, 3);
    assertEquals(5, available(flights, flight));

    Airline.stop("flights");
    try {
      Instant before = Instant.now();
      Http.Reply refused = BookingIT.book(as, flight, 1);
      assertEquals(503, refused.status(), refused.body());
      assertEquals("application/problem+json", refused.contentType().split(";")[0]);
      assertEquals("5", refused.header("Retry-After"));
      assertEquals(true, Duration.between(before, Instant.now()).toSeconds() < 15, "fails fast");
      assertEquals(
          2,
          count("SELECT COUNT(*) FROM booking WHERE user_id = '" + user.id() + "'"),
          "no booking from the failed request");

      Http.Reply cancelled = as.post("/api/v1/bookings/" + confirmed + "/cancel", json());
      assertEquals(200, cancelled.status(), cancelled.body());
      assertEquals("CANCELLED", cancelled.json().getString("status"));
      Thread.sleep(4000); // past the pending timeout: the settlement tries, and must keep waiting
      assertEquals("PENDING", status(stranded));
    } finally {
      Airline.start("flights");
    }

    Await.until(
        () -> available(flights, flight) == 10,
        Duration.ofSeconds(60),
        "seats of the cancelled and the stranded booking back on sale");
    assertEquals("CANCELLED", status(stranded));
    assertEquals(
        0, count("SELECT COUNT(*) FROM booking WHERE seats_held AND flight_id = " + flight));

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

  private static void insertPending(String reference, String userId, long flight, int seats)
      throws Exception {
    try (Connection c = Airline.database("booking");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO booking (reference, user_id, flight_id, flight_number, departure_time, departure_airport, arrival_airport,"
                    + " seats, total_price, currency, passenger_name, passenger_email, status, seats_held, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'TX1', UTC_TIMESTAMP() + INTERVAL 3 DAY, 'QQA', 'QQB', ?, 100.00, 'EUR', 'Stranded', 's@it.test',"
                    + " 'PENDING', FALSE, UTC_TIMESTAMP() - INTERVAL 1 MINUTE, UTC_TIMESTAMP() - INTERVAL 1 MINUTE)")) {
      insert.setString(1, reference);
      insert.setString(2, userId);
      insert.setLong(3, flight);
      insert.setInt(4, seats);
      insert.executeUpdate();
    }
  }

  private static String status(String reference) throws Exception {
    try (Connection c = Airline.database("booking");
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT status FROM booking WHERE reference = '" + reference + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static int count(String sql) throws Exception {
    try (Connection c = Airline.database("booking");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
