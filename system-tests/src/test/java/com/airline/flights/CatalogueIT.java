package com.airline.flights;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.ServerStatements;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cities, airports and airplanes: ADMIN writes, anyone reads, with their validation and conflicts.
 */
class CatalogueIT {

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

  @Test
  void cities_crudWithRoles() {
    String name = "Haarlem " + Catalogue.uniqueCode();
    JsonObject body = json("name", name, "country", "NL");
    assertProblem(401, flights.post("/api/v1/cities", body));
    assertProblem(403, user.post("/api/v1/cities", body));

    Http.Reply created = admin.post("/api/v1/cities", body);
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertProblem(409, admin.post("/api/v1/cities", body));

    assertEquals(name, flights.get("/api/v1/cities/" + id).json().getString("name"));
    assertEquals(
        1,
        flights.get("/api/v1/cities?name=" + name.replace(" ", "%20")).json().getInt("totalItems"));
    assertEquals(
        "BE",
        admin
            .put("/api/v1/cities/" + id, json("name", name, "country", "BE"))
            .json()
            .getString("country"));
    assertProblem(403, user.delete("/api/v1/cities/" + id));
    assertEquals(204, admin.delete("/api/v1/cities/" + id).status());
    assertProblem(404, flights.get("/api/v1/cities/" + id));
  }

  @Test
  void cities_validation() {
    assertProblem(400, admin.post("/api/v1/cities", json("name", "X", "country", "XX")));
    assertProblem(400, admin.post("/api/v1/cities", json("name", "X", "country", "nl")));
    assertProblem(400, admin.post("/api/v1/cities", json("name", " ", "country", "NL")));
    assertProblem(
        400, admin.post("/api/v1/cities", json("name", "n".repeat(101), "country", "NL")));
    assertProblem(400, admin.send("POST", "/api/v1/cities", "{\"name\":"));
    assertProblem(400, flights.get("/api/v1/cities/not-a-number"));
    assertProblem(400, flights.get("/api/v1/cities?size=101"));
    for (String list : new String[] {"cities", "airports", "airplanes"}) {
      // a page past the last: 400, not an offset overflowing into a 500
      assertProblem(400, flights.get("/api/v1/" + list + "?page=2147483647&size=100"));
    }
  }

  @Test
  void cityWithAirports_cannotBeDeleted() {
    long city = catalogue.city();
    String code = Catalogue.uniqueCode();
    assertEquals(
        201,
        admin
            .post(
                "/api/v1/airports", json("code", code, "name", "Schiphol " + code, "cityId", city))
            .status());
    assertProblem(409, admin.delete("/api/v1/cities/" + city));
    assertEquals(204, admin.delete("/api/v1/airports/" + code).status());
    assertEquals(204, admin.delete("/api/v1/cities/" + city).status());
  }

  @Test
  void airports_crudValidationAndConflicts() {
    long city = catalogue.city();
    String code = Catalogue.uniqueCode();
    JsonObject body = json("code", code, "name", "Airport " + code, "cityId", city);
    assertProblem(403, user.post("/api/v1/airports", body));
    Http.Reply created = admin.post("/api/v1/airports", body);
    assertEquals(201, created.status(), created.body());
    assertEquals(city, created.json().getJsonObject("city").getJsonNumber("id").longValue());
    assertProblem(409, admin.post("/api/v1/airports", body));

    for (String bad : new String[] {"AB", "ABCD", "ab1", "abc"}) {
      assertProblem(
          400, admin.post("/api/v1/airports", json("code", bad, "name", "N", "cityId", city)));
    }
    assertProblem(
        400,
        admin.post(
            "/api/v1/airports",
            json("code", Catalogue.uniqueCode(), "name", "N", "cityId", 987654321)));
    assertProblem(
        400, admin.post("/api/v1/airports", json("code", Catalogue.uniqueCode(), "name", "N")));

    assertEquals(
        "Renamed",
        admin
            .put("/api/v1/airports/" + code, json("name", "Renamed", "cityId", city))
            .json()
            .getString("name"));
    assertProblem(
        400,
        admin.put("/api/v1/airports/" + code, json("code", "ZZZ", "name", "N", "cityId", city)));
    assertEquals(
        code, flights.get("/api/v1/airports/" + code.toLowerCase()).json().getString("code"));
    assertEquals(1, flights.get("/api/v1/airports?cityId=" + city).json().getInt("totalItems"));
    assertEquals(1, flights.get("/api/v1/airports?q=" + code).json().getInt("totalItems"));
    assertTrue(
        flights.get("/api/v1/airports?q=renam").json().getInt("totalItems") >= 1,
        "name prefix, any case");
    assertProblem(404, flights.get("/api/v1/airports/QQQQ"));
  }

  @Test
  void airportOrAirplaneWithFlights_cannotBeDeleted() {
    JsonObject flight = catalogue.flight(50);
    String from = flight.getJsonObject("departureAirport").getString("code");
    long airplane = flight.getJsonObject("airplane").getJsonNumber("id").longValue();
    assertProblem(409, admin.delete("/api/v1/airports/" + from));
    assertProblem(409, admin.delete("/api/v1/airports/" + from.toLowerCase(Locale.ROOT)));
    assertProblem(409, admin.delete("/api/v1/airplanes/" + airplane));

    assertEquals(204, admin.delete("/api/v1/flights/" + flight.getJsonNumber("id")).status());
    assertEquals(204, admin.delete("/api/v1/airports/" + from).status());
    assertEquals(204, admin.delete("/api/v1/airplanes/" + airplane).status());
  }

  @Test
  void airplanes_crudAndCapacityRange() {
    assertProblem(403, user.post("/api/v1/airplanes", json("model", "A320", "capacity", 180)));
    for (int bad : new int[] {0, 1001, -5}) {
      assertProblem(400, admin.post("/api/v1/airplanes", json("model", "A320", "capacity", bad)));
    }
    assertProblem(400, admin.post("/api/v1/airplanes", json("model", "A320", "capacity", "many")));
    Http.Reply created =
        admin.post("/api/v1/airplanes", json("model", "Airbus A320neo", "capacity", 1000));
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(
        1,
        admin
            .put("/api/v1/airplanes/" + id, json("model", "Tiny", "capacity", 1))
            .json()
            .getInt("capacity"));
    assertEquals("Tiny", flights.get("/api/v1/airplanes/" + id).json().getString("model"));
    assertTrue(flights.get("/api/v1/airplanes?size=100").json().getInt("totalItems") >= 1);
    assertEquals(204, admin.delete("/api/v1/airplanes/" + id).status());
    assertProblem(404, admin.delete("/api/v1/airplanes/" + id));
  }

  @Test
  void creatingAirplanes_leavesNoStatementOpenOnTheDatabase() {
    long growth = ServerStatements.growthAfter("flights", () -> catalogue.airplane(120));

    assertTrue(
        growth < ServerStatements.MAX_GROWTH,
        ServerStatements.REPEATS + " airplanes left " + growth + " more statements open");
  }
}
