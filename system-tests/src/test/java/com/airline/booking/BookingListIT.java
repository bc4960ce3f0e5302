package com.airline.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /bookings: ADMIN and SUPPORT list everyone's and may filter by user; a user only theirs. */
class BookingListIT {

  static Http auth;
  static Http booking;
  static Catalogue catalogue;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
    Http flights = Http.to(Airline.start("flights"));
    booking = Http.to(Airline.start("booking"));
    catalogue = Catalogue.asAdmin(auth).on(flights);
  }

  static String book(TestUser user, long flight) {
    Http.Reply reply =
        Bookings.book(booking.as(user.token()), flight, 1, "Ada Lovelace", user.email());
    assertEquals(201, reply.status(), reply.body());
    return reply.json().getString("reference");
  }

  /** The references on one page of GET /bookings with that query, as the caller sees it. */
  static Set<String> references(Http caller, String query) {
    Http.Reply reply = caller.get("/api/v1/bookings" + query);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .map(b -> b.getString("reference"))
        .collect(Collectors.toSet());
  }

  static int total(Http caller, String query) {
    return caller.get("/api/v1/bookings" + query).json().getInt("totalItems");
  }

  @Test
  void staff_seeEveryonesBookings_andFilterByUser_aUserOnlyTheirs_whateverTheyAskFor() {
    long flight = catalogue.flightId(20);
    TestUser ada = TestUsers.signUp(auth);
    TestUser bob = TestUsers.signUp(auth);
    Set<String> adas = Set.of(book(ada, flight), book(ada, flight));
    Set<String> bobs = Set.of(book(bob, flight));

    for (String role : List.of("ADMIN", "SUPPORT")) {
      Http staff = booking.as(TestUsers.withRoles(auth, role).token());
      // the newest first: a page of 100 holds what this test just made
      Set<String> all = references(staff, "?size=100");
      assertTrue(all.containsAll(adas) && all.containsAll(bobs), role + " sees both: " + all);
      assertTrue(total(staff, "") >= 3, role);
      assertEquals(adas, references(staff, "?userId=" + ada.id()), role + " filters by user");
      assertEquals(2, total(staff, "?userId=" + ada.id()), role);
      assertEquals(bobs, references(staff, "?userId=" + bob.id()), role);
      assertEquals(Set.of(), references(staff, "?userId=nobody-" + Airline.RUN), role);
    }

    Http asAda = booking.as(ada.token());
    assertEquals(adas, references(asAda, ""), "a user sees their own");
    assertEquals(2, total(asAda, ""));
    assertEquals(adas, references(asAda, "?userId=" + bob.id()), "userId is not for users");
    assertEquals(2, total(asAda, "?userId=" + bob.id()));
    assertEquals(bobs, references(booking.as(bob.token()), "?size=100"));
  }
}
