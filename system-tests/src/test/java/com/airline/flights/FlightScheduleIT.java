package com.airline.flights;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scheduling flights: every validation rule, roles, changes and removal. */
class FlightScheduleIT {

  static Http flights;
  static Http admin;
  static Catalogue catalogue;
  static String from;
  static String to;
  static long airplane;
  static String otherAirline;

  @BeforeAll
  static void start() {
    Http auth = Http.to(Airline.start("auth"));
    flights = Http.to(Airline.start("flights"));
    catalogue = Catalogue.asAdmin(auth).on(flights);
    admin = catalogue.admin();
    from = catalogue.airport();
    to = catalogue.airport();
    airplane = catalogue.airplane(150);
    otherAirline = catalogue.airline();
  }

  static JsonObject valid() {
    return catalogue.flightBody(
        from, to, Instant.now().plus(5, ChronoUnit.DAYS), 95, "450.00", airplane);
  }

  static JsonObject with(String field, Object value) {
    var body = Json.createObjectBuilder(valid());
    if (value == null) {
      body.remove(field);
    } else if (value instanceof Long n) {
      body.add(field, n);
    } else {
      body.add(field, value.toString());
    }
    return body.build();
  }

  @Test
  void create_asAdmin_returns201WithTheContractShape() {
    Http.Reply reply = admin.post("/api/v1/flights", valid());

    assertEquals(201, reply.status(), reply.body());
    JsonObject flight = reply.json();
    assertEquals("450.00", flight.getString("price"));
    assertEquals("EUR", flight.getString("currency"));
    assertEquals(150, flight.getInt("totalSeats"));
    assertEquals(150, flight.getInt("availableSeats"));
    assertEquals(from, flight.getJsonObject("departureAirport").getString("code"));
    assertEquals(
        "NL", flight.getJsonObject("arrivalAirport").getJsonObject("city").getString("country"));
    assertEquals(150, flight.getJsonObject("airplane").getInt("capacity"));
    JsonObject airline = flight.getJsonObject("airline");
    assertEquals(flight.getString("flightNumber").substring(0, 2), airline.getString("code"));
    assertTrue(airline.getString("name").startsWith("Airline "), airline.toString());
    assertEquals(flight, flights.get("/api/v1/flights/" + flight.getJsonNumber("id")).json());
  }

  @Test
  void create_acceptsAnyOffsetAndANumericPrice() {
    Instant departure = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    JsonObject body =
        Json.createObjectBuilder(valid())
            .add("departureTime", departure.atOffset(java.time.ZoneOffset.ofHours(2)).toString())
            .add("arrivalTime", departure.plusSeconds(3600).toString())
            .add("price", 99.5)
            .build();
    Http.Reply reply = admin.post("/api/v1/flights", body);
    assertEquals(201, reply.status(), reply.body());
    assertEquals(departure.toString(), reply.json().getString("departureTime"));
    assertEquals("99.50", reply.json().getString("price"));
  }

  static Stream<Arguments> invalid() {
    Instant soon = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    return Stream.of(
        Arguments.of(with("arrivalTime", soon.minusSeconds(60).toString()), "arrivalTime"),
        Arguments.of(with("arrivalTime", "+10000-01-01T12:00:00Z"), "arrivalTime"),
        Arguments.of(
            with("departureTime", Instant.now().minus(1, ChronoUnit.HOURS).toString()),
            "departureTime"),
        Arguments.of(with("arrivalAirport", from), "arrivalAirport"),
        Arguments.of(with("arrivalAirport", Catalogue.unknownCode()), "arrivalAirport"),
        Arguments.of(with("departureAirport", "Q1Q"), "departureAirport"),
        Arguments.of(with("airplaneId", 987654321L), "airplaneId"),
        Arguments.of(with("airplaneId", null), "airplaneId"),
        Arguments.of(with("flightNumber", "A-12"), "flightNumber"),
        Arguments.of(with("flightNumber", "AB12345"), "flightNumber"),
        // an airline nobody created, and one that is not the number's
        Arguments.of(with("flightNumber", Catalogue.uniqueDesignator() + "12"), "flightNumber"),
        Arguments.of(with("airline", otherAirline), "flightNumber"),
        Arguments.of(with("airline", "b!"), "airline"),
        Arguments.of(with("price", "0"), "price"),
        Arguments.of(with("price", "-3.00"), "price"),
        Arguments.of(with("price", "1.005"), "price"),
        Arguments.of(with("currency", "XYZ"), "currency"),
        Arguments.of(with("currency", "eur"), "currency"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void create_whenInvalid_returns400ProblemNamingTheField(JsonObject body, String field) {
    Http.Reply reply = admin.post("/api/v1/flights", body);
    assertEquals(400, reply.status(), reply.body());
    assertEquals(
        field,
        reply.json().getJsonArray("errors").getJsonObject(0).getString("field"),
        reply.body());
    assertEquals("/api/v1/flights", reply.json().getString("instance"), reply.body());
    assertEquals(reply.header("X-Request-ID"), reply.json().getString("requestId"));
  }

  @Test
  void create_namingTheNumbersOwnAirline_returns201() {
    JsonObject body = valid();
    String designator = body.getString("flightNumber").substring(0, 2);
    Http.Reply reply =
        admin.post(
            "/api/v1/flights", Json.createObjectBuilder(body).add("airline", designator).build());
    assertEquals(201, reply.status(), reply.body());
    assertEquals(designator, reply.json().getJsonObject("airline").getString("code"));
  }

  @Test
  void create_whenMalformed_returns400() {
    assertEquals(400, admin.post("/api/v1/flights", with("departureTime", "tomorrow")).status());
    assertEquals(400, admin.post("/api/v1/flights", with("price", "cheap")).status());
    assertEquals(400, admin.send("POST", "/api/v1/flights", "[]").status());
  }

  @Test
  void create_sameNumberAndDepartureTwice_returns409() {
    JsonObject body = valid();
    assertEquals(201, admin.post("/api/v1/flights", body).status());
    assertEquals(409, admin.post("/api/v1/flights", body).status());
  }

  @Test
  void create_byUserOrAnonymous_isRefused() {
    Http user = flights.as(TestUsers.signUp(Http.to(Airline.url("auth"))).token());
    assertEquals(403, user.post("/api/v1/flights", valid()).status());
    assertEquals(401, flights.post("/api/v1/flights", valid()).status());
  }

  @Test
  void patch_changesPriceAndTimes_withTheSameRules() {
    JsonObject flight = admin.post("/api/v1/flights", valid()).json();
    String path = "/api/v1/flights/" + flight.getJsonNumber("id");
    Instant later = Instant.now().plus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    Http.Reply changed =
        admin.patch(
            path,
            json(
                "price",
                "199.90",
                "departureTime",
                later.toString(),
                "arrivalTime",
                later.plusSeconds(7200).toString()));
    assertEquals(200, changed.status(), changed.body());
    assertEquals("199.90", changed.json().getString("price"));
    assertEquals(later.toString(), changed.json().getString("departureTime"));

    assertEquals(
        400, admin.patch(path, json("arrivalTime", later.minusSeconds(60).toString())).status());
    assertEquals(400, admin.patch(path, json("price", "0.00")).status());
    assertEquals(
        "199.90", flights.get(path).json().getString("price"), "a refused change changes nothing");
    assertEquals(404, admin.patch("/api/v1/flights/987654321", json("price", "1.00")).status());
  }

  @Test
  void delete_whenNoSeatsSold204_onceSold409() {
    JsonObject unsold = admin.post("/api/v1/flights", valid()).json();
    assertEquals(204, admin.delete("/api/v1/flights/" + unsold.getJsonNumber("id")).status());
    assertEquals(404, flights.get("/api/v1/flights/" + unsold.getJsonNumber("id")).status());

    long sold = catalogue.flightId(10);
    TestServices.reserve(
        flights.as(TestServices.bookingToken()), sold, "DEL" + Catalogue.uniqueCode(), 1);
    assertEquals(409, admin.delete("/api/v1/flights/" + sold).status());
    assertEquals(200, flights.get("/api/v1/flights/" + sold).status());
  }
}
