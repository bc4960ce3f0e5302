package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestServices;
import com.airline.it.TestUsers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway keeps the catalogue reads flights marks public (an answer from its memory carries
 * Age) and empties them when the catalogue changes: at once for a write through it, through the
 * data grid for one made elsewhere. The run's flights says max-age of an hour for catalogue reads,
 * so that only the emptying can show a change.
 */
class ResponseCacheIT {

  static Http gateway;
  static Catalogue throughGateway;
  static Catalogue onFlights;

  @BeforeAll
  static void start() {
    Http auth = Http.to(Airline.start("auth"));
    Http flights = Http.to(Airline.start("flights"));
    gateway = Http.to(Airline.start("gateway"));
    throughGateway = Catalogue.asAdmin(auth).on(gateway);
    onFlights = Catalogue.asAdmin(auth).on(flights);
  }

  @Test
  void aCatalogueRead_isAnsweredFromMemory_untilAWriteThroughTheGateway() {
    long city = throughGateway.city();
    String path = "/api/v1/cities/" + city;
    Http.Reply first = gateway.get(path);
    assertEquals(200, first.status(), first.body());
    assertEquals("public, max-age=3600", first.header("Cache-Control"));
    Http.Reply second = gateway.get(path);
    assertNotNull(second.header("Age"), "the second answer came from the gateway's memory");
    assertEquals(first.body(), second.body());
    assertNotNull(second.header("X-Request-ID"), "each answer has its own request id");
    assertTrue(!first.header("X-Request-ID").equals(second.header("X-Request-ID")));

    String renamed = Catalogue.uniqueName("Renamed");
    Http.Reply put = throughGateway.admin().put(path, json("name", renamed, "country", "NL"));
    assertEquals(200, put.status(), put.body());
    Http.Reply after = gateway.get(path);
    assertEquals(renamed, after.json().getString("name"));
    assertNull(after.header("Age"), "asked of flights again");
  }

  @Test
  void aWriteMadeOnFlights_emptiesTheGatewaysCopies_throughTheGrid() throws Exception {
    long city = onFlights.city();
    String path = "/api/v1/cities/" + city;
    gateway.get(path);
    assertNotNull(gateway.get(path).header("Age"), "kept");

    String renamed = Catalogue.uniqueName("Elsewhere");
    Http.Reply put = onFlights.admin().put(path, json("name", renamed, "country", "NL"));
    assertEquals(200, put.status(), put.body());
    Await.until(
        () -> renamed.equals(gateway.get(path).json().getString("name")),
        Duration.ofSeconds(30),
        "the gateway answers the new name (its copy is kept for an hour otherwise)");
  }

  @Test
  void aKeptAnswer_goesOnlyToCallersFlightsWouldGiveIt() {
    String path = "/api/v1/cities/" + throughGateway.city();
    gateway.get(path);
    assertNotNull(gateway.get(path).header("Age"), "kept");
    assertNotNull(gateway.as(TestUsers.signUp(gateway).token()).get(path).header("Age"), "a user");
    assertEquals(403, gateway.as(TestServices.bookingToken()).get(path).status(), "a service");
    assertEquals(401, gateway.as("not-a-token").get(path).status(), "a forged token");
    assertEquals(401, gateway.with("Authorization", "Basic YTpi").get(path).status(), "no bearer");
  }

  @Test
  void aClientAskingForAFreshAnswer_getsOneFromFlights() {
    String path = "/api/v1/cities/" + throughGateway.city();
    gateway.get(path);
    Http.Reply fresh = gateway.with("Cache-Control", "no-cache").get(path);
    assertEquals(200, fresh.status());
    assertNull(fresh.header("Age"));
  }

  @Test
  void aSearch_isKeptNoLongerThanFlightsKeepsIt_andOneFlightNotAtAll() {
    String from = throughGateway.airport();
    String to = throughGateway.airport();
    long id =
        throughGateway
            .flight(from, to, Instant.now().plus(Duration.ofDays(2)), 60, "80.00", 10)
            .getJsonNumber("id")
            .longValue();
    Http.Reply search = gateway.get("/api/v1/flights?from=" + from + "&to=" + to);
    assertEquals(200, search.status(), search.body());
    assertEquals(1, search.json().getInt("totalItems"));
    String cacheControl = search.header("Cache-Control");
    assertTrue(cacheControl.matches("public, max-age=[0-2]"), cacheControl);

    // one flight's seats are not a catalogue read: never kept
    assertEquals(200, gateway.get("/api/v1/flights/" + id).status());
    Http.Reply flight = gateway.get("/api/v1/flights/" + id);
    assertNull(flight.header("Cache-Control"));
    assertNull(flight.header("Age"));
  }
}
