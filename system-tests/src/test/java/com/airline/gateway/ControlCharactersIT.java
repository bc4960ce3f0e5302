package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Bookings;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names that end up in mails and log lines refuse control characters and line breaks: 400
 * problem+json naming the field, nothing stored.
 */
class ControlCharactersIT {

  static Http gateway;

  @BeforeAll
  static void start() {
    gateway = Http.to(Airline.start("gateway", "auth", "flights", "booking"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ada\r\nBcc: all@it.test", "Ada\n", "Ada\u0000", "Ada\tL", "Ada\u2028L"})
  void signUp_withControlCharactersInName_returns400NamingIt_andStoresNothing(String name) {
    String email = TestUsers.uniqueEmail("control");

    Http.Reply refused =
        gateway.post(
            "/api/v1/auth/signup", json("email", email, "password", "password1", "name", name));

    assertFieldRefused(refused, "name");
    assertEquals(
        201,
        gateway
            .post(
                "/api/v1/auth/signup", json("email", email, "password", "password1", "name", "Ada"))
            .status(),
        "the refused sign-up stored nothing");
  }

  @Test
  void signUp_acceptsLettersOfAnyScript() {
    Http.Reply reply =
        gateway.post(
            "/api/v1/auth/signup",
            json(
                "email",
                TestUsers.uniqueEmail("letters"),
                "password",
                "password1",
                "name",
                "Zoë O'Brien-Łukasz 李"));

    assertEquals(201, reply.status(), reply.body());
    assertEquals("Zoë O'Brien-Łukasz 李", reply.json().getString("name"));
  }

  @Test
  void updateOwnName_withLineBreak_returns400NamingIt() {
    TestUsers.TestUser user = TestUsers.signUp(gateway);

    Http.Reply reply =
        gateway.as(user.token()).patch("/api/v1/users/" + user.id(), json("name", "Ada\r\nX"));

    assertFieldRefused(reply, "name");
    assertEquals(
        "Test User",
        gateway.as(user.token()).get("/api/v1/users/" + user.id()).json().getString("name"));
  }

  @Test
  void book_withLineBreakInPassengerName_returns400NamingIt() {
    TestUsers.TestUser user = TestUsers.signUp(gateway);
    JsonObject flight = Catalogue.asAdmin(gateway).flight(5);

    Http.Reply reply =
        Bookings.book(
            gateway.as(user.token()),
            flight.getJsonNumber("id").longValue(),
            1,
            "Ada\r\nSubject: free seats",
            user.email());

    assertFieldRefused(reply, "passengerName");
    assertEquals(
        0,
        gateway.as(user.token()).get("/api/v1/bookings").json().getInt("totalItems"),
        "no booking was made");
  }

  @Test
  void createCity_withControlCharacterInName_returns400NamingIt() {
    Http admin = Catalogue.asAdmin(gateway).admin();

    Http.Reply reply = admin.post("/api/v1/cities", json("name", "Ber\u0007lin", "country", "DE"));

    assertFieldRefused(reply, "name");
  }

  private static void assertFieldRefused(Http.Reply reply, String field) {
    assertEquals(400, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    assertEquals(
        List.of(field),
        reply.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .toList(),
        reply.body());
  }
}
