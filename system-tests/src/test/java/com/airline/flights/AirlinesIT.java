package com.airline.flights;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Airlines: ADMIN writes, anyone reads, with their validation and conflicts; a flight's number
 * starts with the designator of an active airline, and the flight shows that airline.
 */
class AirlinesIT {

  static Http flights;
  static Http admin;
  static Http user;
  static Catalogue catalogue;

  @BeforeAll
  static void start() {
    Http auth = Http.to(Airline.start("auth"));
    flights = Http.to(Airline.start("flights"));
    catalogue = Catalogue.asAdmin(auth).on(flights);
    admin = catalogue.admin();
    user = flights.as(TestUsers.signUp(auth).token());
  }

  private static void assertProblem(int status, Http.Reply reply) {
    assertEquals(status, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
  }

  private static void assertInvalid(String field, Http.Reply reply) {
    assertProblem(400, reply);
    assertEquals(
        field,
        reply.json().getJsonArray("errors").getJsonObject(0).getString("field"),
        reply.body());
  }

  /** A valid body for a new airline: its own designator and ICAO code. */
  static JsonObject airline(String code) {
    return json(
        "code",
        code,
        "icao",
        Catalogue.uniqueCode(),
        "name",
        Catalogue.uniqueName("Test Airways " + code),
        "country",
        "GB",
        "active",
        JsonValue.TRUE);
  }

  static JsonObject with(JsonObject body, String field, Object value) {
    var changed = Json.createObjectBuilder(body);
    if (value == null) {
      changed.remove(field);
    } else if (value instanceof JsonValue json) {
      changed.add(field, json);
    } else {
      changed.add(field, value.toString());
    }
    return changed.build();
  }

  @Test
  void crud_withRoles() {
    String code = Catalogue.uniqueDesignator();
    JsonObject body = airline(code);
    assertProblem(401, flights.post("/api/v1/airlines", body));
    assertProblem(403, user.post("/api/v1/airlines", body));

    Http.Reply created = admin.post("/api/v1/airlines", body);
    assertEquals(201, created.status(), created.body());
    assertTrue(created.header("Location").endsWith("/api/v1/airlines/" + code));
    assertEquals(body, created.json());

    assertEquals(body, flights.get("/api/v1/airlines/" + code).json());
    assertEquals(body, flights.get("/api/v1/airlines/" + code.toLowerCase()).json());
    JsonObject page = flights.get("/api/v1/airlines?q=" + code.toLowerCase()).json();
    assertTrue(
        page.getJsonArray("items").stream()
            .anyMatch(a -> a.asJsonObject().getString("code").equals(code)),
        page.toString());
    String name = body.getString("name");
    JsonObject byName =
        flights.get("/api/v1/airlines?size=100&q=" + name.toLowerCase().replace(" ", "%20")).json();
    assertEquals(1, byName.getInt("totalItems"), byName.toString());
    assertEquals(code, byName.getJsonArray("items").getJsonObject(0).getString("code"));

    JsonObject renamed =
        with(with(with(body, "name", "Renamed " + code), "active", JsonValue.FALSE), "icao", null);
    assertProblem(403, user.put("/api/v1/airlines/" + code, renamed));
    Http.Reply changed = admin.put("/api/v1/airlines/" + code, renamed);
    assertEquals(200, changed.status(), changed.body());
    assertEquals("Renamed " + code, changed.json().getString("name"));
    assertFalse(changed.json().getBoolean("active"));
    assertTrue(
        !changed.json().containsKey("icao") || changed.json().isNull("icao"),
        "the ICAO code is optional: " + changed.body());
    assertInvalid(
        "code",
        admin.put("/api/v1/airlines/" + code, with(renamed, "code", Catalogue.uniqueDesignator())));
    assertProblem(404, admin.put("/api/v1/airlines/" + Catalogue.uniqueDesignator(), renamed));

    assertProblem(401, flights.delete("/api/v1/airlines/" + code));
    assertProblem(403, user.delete("/api/v1/airlines/" + code));
    assertEquals(204, admin.delete("/api/v1/airlines/" + code).status());
    assertProblem(404, flights.get("/api/v1/airlines/" + code));
    assertProblem(404, admin.delete("/api/v1/airlines/" + code));
  }

  static Stream<Arguments> invalid() {
    JsonObject valid = airline(Catalogue.uniqueDesignator());
    return Stream.of(
        Arguments.of(with(valid, "code", null), "code"),
        Arguments.of(with(valid, "code", "B"), "code"),
        Arguments.of(with(valid, "code", "BAW"), "code"),
        Arguments.of(with(valid, "code", "ba"), "code"),
        Arguments.of(with(valid, "code", "B-"), "code"),
        Arguments.of(with(valid, "icao", "BA1"), "icao"),
        Arguments.of(with(valid, "icao", "BAWX"), "icao"),
        Arguments.of(with(valid, "icao", "baw"), "icao"),
        Arguments.of(with(valid, "name", null), "name"),
        Arguments.of(with(valid, "name", "  "), "name"),
        Arguments.of(with(valid, "name", "n".repeat(101)), "name"),
        Arguments.of(with(valid, "country", null), "country"),
        Arguments.of(with(valid, "country", "gb"), "country"),
        Arguments.of(with(valid, "country", "XX"), "country"),
        Arguments.of(with(valid, "active", null), "active"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void create_whenInvalid_returns400ProblemNamingTheField(JsonObject body, String field) {
    assertInvalid(field, admin.post("/api/v1/airlines", body));
  }

  @Test
  void malformedBodiesAndParameters_return400() {
    assertProblem(400, admin.send("POST", "/api/v1/airlines", "{\"code\":"));
    assertProblem(
        400,
        admin.post(
            "/api/v1/airlines",
            with(airline(Catalogue.uniqueDesignator()), "active", "sometimes")));
    assertProblem(400, flights.get("/api/v1/airlines?size=101"));
    assertProblem(400, flights.get("/api/v1/airlines?page=2147483647&size=100"));
  }

  @Test
  void duplicateCodeOrIcao_returns409() {
    JsonObject first = airline(Catalogue.uniqueDesignator());
    assertEquals(201, admin.post("/api/v1/airlines", first).status());
    assertProblem(409, admin.post("/api/v1/airlines", with(first, "icao", Catalogue.uniqueCode())));

    String second = Catalogue.uniqueDesignator();
    JsonObject sameIcao = with(airline(second), "icao", first.getString("icao"));
    assertProblem(409, admin.post("/api/v1/airlines", sameIcao));
    assertProblem(404, flights.get("/api/v1/airlines/" + second));

    assertEquals(201, admin.post("/api/v1/airlines", airline(second)).status());
    assertProblem(409, admin.put("/api/v1/airlines/" + second, with(sameIcao, "code", null)));
    // its own ICAO code again is no conflict
    JsonObject own = flights.get("/api/v1/airlines/" + second).json();
    assertEquals(200, admin.put("/api/v1/airlines/" + second, own).status());
  }

  @Test
  void airlineWithFlights_cannotBeDeleted() {
    String code = catalogue.airline();
    JsonObject flight =
        catalogue.flight(
            code,
            catalogue.airport(),
            catalogue.airport(),
            Instant.now().plus(4, ChronoUnit.DAYS),
            120,
            "99.00",
            20);
    assertProblem(409, admin.delete("/api/v1/airlines/" + code));
    assertProblem(409, admin.delete("/api/v1/airlines/" + code.toLowerCase()));
    assertEquals(204, admin.delete("/api/v1/flights/" + flight.getJsonNumber("id")).status());
    assertEquals(204, admin.delete("/api/v1/airlines/" + code).status());
  }

  @Test
  void flights_carryTheirAirline_andFollowItsName() {
    String code = catalogue.airline();
    JsonObject flight =
        catalogue.flight(
            code,
            catalogue.airport(),
            catalogue.airport(),
            Instant.now().plus(4, ChronoUnit.DAYS),
            120,
            "99.00",
            20);
    assertTrue(flight.getString("flightNumber").startsWith(code));
    JsonObject airline = flights.get("/api/v1/airlines/" + code).json();
    assertEquals(
        Json.createObjectBuilder().add("code", code).add("name", airline.getString("name")).build(),
        flight.getJsonObject("airline"));

    String path = "/api/v1/flights/" + flight.getJsonNumber("id");
    assertEquals(
        200, admin.put("/api/v1/airlines/" + code, with(airline, "name", "Later")).status());
    assertEquals("Later", flights.get(path).json().getJsonObject("airline").getString("name"));
    String search =
        "/api/v1/flights?from="
            + flight.getJsonObject("departureAirport").getString("code")
            + "&airline="
            + code;
    assertEquals(
        "Later",
        flights
            .get(search)
            .json()
            .getJsonArray("items")
            .getJsonObject(0)
            .getJsonObject("airline")
            .getString("name"));
  }

  @Test
  void flightNumber_ofAnInactiveAirline_returns400_untilItFliesAgain() {
    String code = catalogue.airline();
    JsonObject airline = flights.get("/api/v1/airlines/" + code).json();
    assertEquals(
        200,
        admin.put("/api/v1/airlines/" + code, with(airline, "active", JsonValue.FALSE)).status());
    String from = catalogue.airport();
    String to = catalogue.airport();
    Instant departure = Instant.now().plus(4, ChronoUnit.DAYS);
    long airplane = catalogue.airplane(20);
    JsonObject body =
        with(
            catalogue.flightBody(from, to, departure, 60, "80.00", airplane),
            "flightNumber",
            Catalogue.flightNumber(code));
    Http.Reply refused = admin.post("/api/v1/flights", body);
    assertInvalid("flightNumber", refused);
    assertTrue(refused.body().contains("not active"), refused.body());

    assertEquals(
        200,
        admin.put("/api/v1/airlines/" + code, with(airline, "active", JsonValue.TRUE)).status());
    Http.Reply created = admin.post("/api/v1/flights", body);
    assertEquals(201, created.status(), created.body());
    assertEquals(code, created.json().getJsonObject("airline").getString("code"));
  }

  @Test
  void flightNumber_ofAnUnknownAirlineOrAnotherAirline_returns400() {
    String code = catalogue.airline();
    String other = catalogue.airline();
    long airplane = catalogue.airplane(20);
    JsonObject valid =
        with(
            catalogue.flightBody(
                catalogue.airport(),
                catalogue.airport(),
                Instant.now().plus(4, ChronoUnit.DAYS),
                60,
                "80.00",
                airplane),
            "flightNumber",
            Catalogue.flightNumber(code));
    Http.Reply unknown =
        admin.post(
            "/api/v1/flights", with(valid, "flightNumber", Catalogue.uniqueDesignator() + "117"));
    assertInvalid("flightNumber", unknown);
    assertInvalid("flightNumber", admin.post("/api/v1/flights", with(valid, "airline", other)));
    assertInvalid("airline", admin.post("/api/v1/flights", with(valid, "airline", "B")));
    Http.Reply created = admin.post("/api/v1/flights", with(valid, "airline", code));
    assertEquals(201, created.status(), created.body());
  }
}
