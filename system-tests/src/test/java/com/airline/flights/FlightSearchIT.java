package com.airline.flights;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.TestServices;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search on a route of the test's own: five flights on one day, one the day after. */
class FlightSearchIT {

  static Http flights;
  static Catalogue catalogue;

  String from;
  String to;
  LocalDate day;
  List<JsonObject> sameDay;

  @BeforeAll
  static void start() {
    Http auth = Http.to(Airline.start("auth"));
    flights = Http.to(Airline.start("flights"));
    catalogue = Catalogue.asAdmin(auth).on(flights);
  }

  @BeforeEach
  void route() {
    from = catalogue.airport();
    to = catalogue.airport();
    day = LocalDate.now(ZoneOffset.UTC).plusDays(10);
    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    // departure hour, minutes in the air, price: no two orders agree
    sameDay =
        List.of(
            catalogue.flight(from, to, midnight.plusSeconds(8 * 3600), 130, "300.00", 20),
            catalogue.flight(from, to, midnight.plusSeconds(6 * 3600), 95, "120.50", 20),
            catalogue.flight(from, to, midnight.plusSeconds(23 * 3600 + 1800), 60, "99.99", 20),
            catalogue.flight(from, to, midnight.plusSeconds(12 * 3600), 240, "450.00", 3),
            catalogue.flight(from, to, midnight, 80, "210.00", 20));
    catalogue.flight(from, to, midnight.plusSeconds(24 * 3600), 90, "50.00", 20);
  }

  private List<String> numbers(String query) {
    Http.Reply reply =
        flights.get("/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day + query);
    assertEquals(200, reply.status(), reply.body());
    return reply.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject().getString("flightNumber"))
        .toList();
  }

  private List<String> numbersOf(int... indexes) {
    return java.util.Arrays.stream(indexes)
        .mapToObj(i -> sameDay.get(i).getString("flightNumber"))
        .toList();
  }

  @Test
  void routeAndDay_returnsExactlyThatDaysFlights_inEverySortOrder() {
    assertEquals(numbersOf(4, 1, 0, 3, 2), numbers(""), "departure time is the default order");
    assertEquals(numbersOf(4, 1, 0, 3, 2), numbers("&sort=departureTime"));
    assertEquals(numbersOf(2, 3, 0, 1, 4), numbers("&sort=-departureTime"));
    assertEquals(numbersOf(2, 1, 4, 0, 3), numbers("&sort=price"));
    assertEquals(numbersOf(3, 0, 4, 1, 2), numbers("&sort=-price"));
    assertEquals(numbersOf(2, 4, 1, 0, 3), numbers("&sort=duration"));
  }

  @Test
  void priceAndSeatFilters() {
    assertEquals(numbersOf(4, 1, 0), numbers("&minPrice=100&maxPrice=300&sort=departureTime"));
    assertEquals(numbersOf(4, 1, 0), numbers("&minPrice=120.50&maxPrice=300.00"));
    assertEquals(numbersOf(4, 1, 0, 2), numbers("&seats=4"), "the 3-seat flight is left out");
    assertEquals(numbersOf(4, 1, 0, 3, 2), numbers("&seats=3"));
  }

  @Test
  void seatFilter_followsReservations() {
    long small = sameDay.get(3).getJsonNumber("id").longValue();
    TestServices.reserve(
        flights.as(TestServices.bookingToken()), small, "SRCH" + Catalogue.uniqueCode(), 2);
    assertEquals(numbersOf(4, 1, 0, 2), numbers("&seats=2"));
    assertEquals(numbersOf(4, 1, 0, 3, 2), numbers("&seats=1"));
  }

  @Test
  void paging_totalsAndEdges() {
    Http.Reply first =
        flights.get("/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day + "&size=2");
    JsonObject page = first.json();
    assertEquals(5, page.getInt("totalItems"));
    assertEquals(3, page.getInt("totalPages"));
    assertEquals(numbersOf(4, 1), numbers("&size=2"));
    assertEquals(numbersOf(0, 3), numbers("&size=2&page=1"));
    assertEquals(numbersOf(2), numbers("&size=2&page=2"));

    JsonObject past =
        flights
            .get("/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day + "&size=2&page=7")
            .json();
    assertEquals(JsonValue.EMPTY_JSON_ARRAY, past.getJsonArray("items"));
    assertEquals(5, past.getInt("totalItems"), "a page past the end still tells the total");
    assertEquals(7, past.getInt("page"));
  }

  @Test
  void withoutDate_allUpcomingFlightsOfTheRoute() {
    Http.Reply reply = flights.get("/api/v1/flights?from=" + from.toLowerCase() + "&to=" + to);
    assertEquals(6, reply.json().getInt("totalItems"));
    assertEquals(6, flights.get("/api/v1/flights?from=" + from).json().getInt("totalItems"));
    assertEquals(0, flights.get("/api/v1/flights?from=" + to).json().getInt("totalItems"));
  }

  @Test
  void invalidParameters_return400ProblemNamingEachOne() {
    Http.Reply reply =
        flights.get(
            "/api/v1/flights?from=LONDON&date=2026-02-30&sort=cheapest&size=101&seats=0&minPrice=x"
                + "&airline=B%21");
    assertEquals(400, reply.status(), reply.body());
    assertEquals("application/problem+json", reply.contentType().split(";")[0]);
    List<String> fields =
        reply.json().getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .sorted()
            .toList();
    assertEquals(List.of("airline", "date", "from", "minPrice", "seats", "size", "sort"), fields);
    assertEquals(400, flights.get("/api/v1/flights?minPrice=10&maxPrice=5").status());
    assertEquals(400, flights.get("/api/v1/flights?page=-1").status());
  }

  @Test
  void byAirline_oneOrSeveral_keepTheOrders_andAreCachedApart() {
    String own = sameDay.get(0).getJsonObject("airline").getString("code");
    String a = catalogue.airline();
    String b = catalogue.airline();
    Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    String a1 =
        catalogue
            .flight(a, from, to, midnight.plusSeconds(7 * 3600), 60, "80.00", 20)
            .getString("flightNumber");
    String a2 =
        catalogue
            .flight(a, from, to, midnight.plusSeconds(5 * 3600), 60, "500.00", 20)
            .getString("flightNumber");
    String b1 =
        catalogue
            .flight(b, from, to, midnight.plusSeconds(9 * 3600), 60, "150.00", 20)
            .getString("flightNumber");

    assertEquals(8, numbers("").size(), "unfiltered, and now cached");
    assertEquals(numbersOf(4, 1, 0, 3, 2), numbers("&airline=" + own));
    assertEquals(List.of(a2, a1), numbers("&airline=" + a));
    assertEquals(List.of(a2, a1, b1), numbers("&airline=" + a + "," + b));
    assertEquals(List.of(a2, a1, b1), numbers("&airline=" + b + "&airline=" + a));
    assertEquals(
        List.of(a2, a1, b1), numbers("&airline=" + b.toLowerCase() + "," + a.toLowerCase()));
    assertEquals(List.of(a1, b1, a2), numbers("&airline=" + b + "," + a + "&sort=price"));
    assertEquals(
        List.of(b1, a1), numbers("&airline=" + a + "," + b + "&sort=-departureTime&size=2"));
    assertEquals(List.of(), numbers("&airline=" + Catalogue.uniqueDesignator()), "no such airline");
    Http.Reply found =
        flights.get(
            "/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day + "&airline=" + b);
    assertEquals(1, found.json().getInt("totalItems"));
    JsonObject airline =
        found.json().getJsonArray("items").getJsonObject(0).getJsonObject("airline");
    assertEquals(b, airline.getString("code"));
    assertTrue(airline.getString("name").startsWith("Airline " + b), airline.toString());
  }

  @Test
  void byAirline_badDesignators_return400Problem() {
    for (String bad : new String[] {"", "A", "ABC", "B%21", "BA,", "BA,,LH", "%C3%84B"}) {
      Http.Reply reply = flights.get("/api/v1/flights?airline=" + bad);
      assertEquals(400, reply.status(), bad + ": " + reply.body());
      assertEquals("application/problem+json", reply.contentType().split(";")[0]);
      assertEquals(
          "airline", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
    List<String> designators =
        java.util.stream.IntStream.range(0, 21).mapToObj(i -> "Z" + (char) ('A' + i)).toList();
    String twenty = String.join(",", designators.subList(0, 20));
    assertEquals(200, flights.get("/api/v1/flights?size=1&airline=" + twenty).status());
    assertEquals(
        200,
        flights.get("/api/v1/flights?size=1&airline=" + twenty + ",ZA").status(),
        "a designator twice counts once");
    assertEquals(
        400,
        flights.get("/api/v1/flights?size=1&airline=" + String.join(",", designators)).status());
  }

  @Test
  void catalogueWrites_showAtOnceDespiteTheCache() {
    String first = sameDay.get(4).getString("flightNumber");
    assertEquals("210.00", priceOf(first));
    catalogue
        .admin()
        .patch("/api/v1/flights/" + sameDay.get(4).getJsonNumber("id"), json("price", "205.00"));
    assertEquals("205.00", priceOf(first));
  }

  private String priceOf(String number) {
    return flights
        .get("/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day)
        .json()
        .getJsonArray("items")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(f -> f.getString("flightNumber").equals(number))
        .findFirst()
        .orElseThrow()
        .getString("price");
  }

  @Test
  void throughTheGateway_searchWorks_andReservationsAreNeverRouted() {
    Http gateway = Http.to(Airline.start("gateway"));
    Http.Reply reply =
        gateway.get("/api/v1/flights?from=" + from + "&to=" + to + "&date=" + day + "&sort=price");
    assertEquals(200, reply.status(), reply.body());
    assertEquals(5, reply.json().getInt("totalItems"));
    assertEquals("99.99", reply.json().getJsonArray("items").getJsonObject(0).getString("price"));

    Http service = gateway.as(TestServices.bookingToken());
    long id = sameDay.get(0).getJsonNumber("id").longValue();
    for (String path :
        new String[] {
          "/api/v1/flights/" + id + "/reservations",
          "/api/v1/flights/" + id + "/reservations/ABC123",
          "/api/v1/flights//" + id + "/./reservations",
          "/api/v1/flights/" + id + "/%72eservations",
          "/api/v1/flights/" + id + "/reservations;x=y",
          "/api/v1/flights/0/../" + id + "/reservations"
        }) {
      // refused either way: with dot segments by every instance's listener (400), else by the
      // gateway's routes (404)
      int refused = path.contains("/./") || path.contains("/../") ? 400 : 404;
      assertEquals(
          refused,
          service
              .post(path, json("bookingReference", "GATE" + Catalogue.uniqueCode(), "seats", 1))
              .status(),
          path);
      assertEquals(refused, service.delete(path).status(), path);
    }
    assertEquals(20, flights.get("/api/v1/flights/" + id).json().getInt("availableSeats"));
    assertTrue(gateway.get("/api/v1/airports/" + from).status() == 200);
  }
}
