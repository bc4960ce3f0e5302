package com.airline.reminder;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A passenger's whole way, through the gateway: book, get the mails, support sees them. */
class ReminderJourneyIT {

  @Test
  void bookAFlightLeavingInJustOverTwoHours_getTheConfirmationAndTheT2hMail() throws Exception {
    Mailbox.start();
    Http auth = Http.to(Airline.start("auth"));
    Http flights = Http.to(Airline.start("flights"));
    Airline.start("booking", "reminder");
    Http gateway = Http.to(Airline.start("gateway"));
    Catalogue catalogue = Catalogue.asAdmin(auth).on(flights);
    Instant departure = Instant.now().plus(Duration.ofHours(2).plusSeconds(40));
    long flight =
        catalogue
            .flight(catalogue.airport(), catalogue.airport(), departure, 75, "99.00", 50)
            .getJsonNumber("id")
            .longValue();
    String email = TestUsers.uniqueEmail("journey");
    String password = "journey-" + System.nanoTime();
    assertEquals(
        201,
        gateway
            .post(
                "/api/v1/auth/signup",
                json("email", email, "password", password, "name", "Traveller"))
            .status());
    Http passenger = gateway.as(TestUsers.signIn(gateway, email, password));

    Http.Reply booked = Bookings.book(passenger, flight, 1, "Katherine Johnson", email);
    assertEquals(201, booked.status(), booked.body());
    String reference = booked.json().getString("reference");

    assertEquals(
        1,
        Mailbox.await(email, "Booking " + reference + " confirmed", Duration.ofSeconds(60)).size());
    assertEquals(1, Mailbox.await(email, "leaves in 2 hours", Duration.ofSeconds(90)).size());
    Http admin = gateway.as(TestUsers.admin(auth).token());
    Http.Reply listed = admin.get("/api/v1/reminders?booking=" + reference);
    assertEquals(200, listed.status(), listed.body());
    Map<String, JsonObject> rows = Reminders.byKind(admin, reference);
    assertEquals("SENT", rows.get("CONFIRMATION").getString("status"));
    assertEquals("SKIPPED", rows.get("T24H").getString("status"));
    assertEquals(
        "SENT", Reminders.awaitStatus(admin, reference, "T2H", "SENT").getString("status"));
    assertTrue(
        passenger.get("/api/v1/reminders?booking=" + reference).status() == 403,
        "not for passengers");
  }
}
