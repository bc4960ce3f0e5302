package com.airline.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.client.ApiClient;
import com.airline.client.ApiException;
import com.airline.client.api.AuthApi;
import com.airline.client.api.BookingApi;
import com.airline.client.api.FlightsApi;
import com.airline.client.api.ReminderApi;
import com.airline.client.model.AccessToken;
import com.airline.client.model.AirlineInfo;
import com.airline.client.model.AirlineRequest;
import com.airline.client.model.AirplaneRequest;
import com.airline.client.model.AirportRequest;
import com.airline.client.model.BookingRequest;
import com.airline.client.model.BookingView;
import com.airline.client.model.CityRequest;
import com.airline.client.model.FlightOffer;
import com.airline.client.model.FlightOfferPage;
import com.airline.client.model.FlightRequest;
import com.airline.client.model.Problem;
import com.airline.client.model.ReminderView;
import com.airline.client.model.SignInRequest;
import com.airline.client.model.SignUpRequest;
import com.airline.client.model.UserProfile;
import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Catalogue;
import com.airline.it.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole journey through the client generated from docs/openapi.yaml alone (no hand-written
 * HTTP): an admin lays out a flight of a new airline, a user signs up, signs in, searches by
 * airline, books with an Idempotency-Key, reads, cancels, and an admin reads the booking's
 * reminders; errors come back as typed problems.
 */
class GeneratedClientIT {

  static String base;

  @BeforeAll
  static void start() {
    Airline.start("auth", "flights", "booking", "reminder");
    base = Airline.start("gateway").toString();
  }

  /** A client of the gateway, signed in with the token when there is one. */
  static ApiClient client(String token) {
    ApiClient client = new ApiClient();
    // HTTP/1.1: the JDK client's default (HTTP/2, asking plain-text connections to upgrade) loses
    // requests with a body on Payara Micro's listener ("header parser received no bytes")
    client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    client.updateBaseUri(base);
    if (token != null) {
      client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }
    return client;
  }

  static String signIn(String email, String password) throws ApiException {
    AccessToken token =
        new AuthApi(client(null)).authSignIn(new SignInRequest().email(email).password(password));
    assertEquals("Bearer", token.getTokenType());
    return token.getAccessToken();
  }

  /** The problem an error answer carried, as the generated model. */
  static Problem problem(ApiException e) throws Exception {
    return client(null).getObjectMapper().readValue(e.getResponseBody(), Problem.class);
  }

  @Test
  void journey_throughTheGeneratedClientAlone() throws Exception {
    String admin = signIn(Airline.ADMIN_EMAIL, Airline.ADMIN_PASSWORD);
    FlightsApi catalogue = new FlightsApi(client(admin));
    long city =
        catalogue
            .citiesCreate(new CityRequest().name(Catalogue.uniqueName("Client")).country("PT"))
            .getId();
    String from = Catalogue.uniqueCode();
    String to = Catalogue.uniqueCode();
    for (String code : List.of(from, to)) {
      catalogue.airportsCreate(
          new AirportRequest().code(code).name("Airport " + code).cityId(city));
    }
    long airplane =
        catalogue.airplanesCreate(new AirplaneRequest().model("A320").capacity(100)).getId();
    String designator = Catalogue.uniqueDesignator();
    AirlineInfo airline =
        catalogue.airlinesCreate(
            new AirlineRequest()
                .code(designator)
                .name("Client Air " + designator)
                .country("PT")
                .active(true));
    assertEquals(designator, airline.getCode());
    OffsetDateTime departure =
        OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
    FlightOffer flight =
        catalogue.flightsCreate(
            new FlightRequest()
                .flightNumber(designator + "100")
                .airplaneId(airplane)
                .departureAirport(from)
                .arrivalAirport(to)
                .departureTime(departure)
                .arrivalTime(departure.plusHours(2))
                .price(new BigDecimal("120.00"))
                .currency("EUR"));

    String email = TestUsers.uniqueEmail("client");
    AuthApi auth = new AuthApi(client(null));
    UserProfile user =
        auth.authSignUp(new SignUpRequest().email(email).password("generated-pass").name("Gen"));
    assertEquals(email, user.getEmail());
    String token = signIn(email, "generated-pass");
    assertEquals(user.getId(), new AuthApi(client(token)).authMe().getId());

    FlightOfferPage found =
        new FlightsApi(client(null))
            .flightsSearch(
                from, to, designator, departure.toLocalDate(), null, null, 2, "price", 0, 20);
    assertEquals(1L, found.getTotalItems());
    assertEquals(flight.getId(), found.getItems().get(0).getId());

    BookingApi bookings = new BookingApi(client(token));
    String key = UUID.randomUUID().toString();
    BookingRequest request =
        new BookingRequest()
            .flightId(flight.getId())
            .seats(2)
            .passengerName("Gen Erated")
            .passengerEmail(email);
    BookingView booked = bookings.bookingsCreate(request, key, "de");
    assertEquals("CONFIRMED", String.valueOf(booked.getStatus()));
    assertEquals("de", booked.getLocale());
    assertEquals(designator, booked.getAirline().getCode());
    assertEquals(
        booked.getReference(),
        bookings.bookingsCreate(request, key, "de").getReference(),
        "the same Idempotency-Key returns the first booking");
    assertEquals(booked.getReference(), bookings.bookingsGet(booked.getReference()).getReference());
    BookingView cancelled = bookings.bookingsCancel(booked.getReference());
    assertEquals("CANCELLED", String.valueOf(cancelled.getStatus()));

    ReminderApi reminders = new ReminderApi(client(admin));
    AtomicReference<List<ReminderView>> listed = new AtomicReference<>();
    Await.until(
        () -> {
          try {
            listed.set(reminders.remindersByBooking(booked.getReference()));
            return !listed.get().isEmpty();
          } catch (ApiException e) {
            throw new IllegalStateException(e);
          }
        },
        java.time.Duration.ofSeconds(30),
        "the booking's reminders");
    assertEquals(booked.getReference(), listed.get().get(0).getBookingReference());
    assertNotNull(listed.get().get(0).getKind());
  }

  @Test
  void errors_comeBackAsTypedProblems() throws Exception {
    String email = TestUsers.uniqueEmail("client-errors");
    AuthApi auth = new AuthApi(client(null));
    auth.authSignUp(new SignUpRequest().email(email).password("generated-pass").name("Gen"));

    ApiException taken =
        assertThrows(
            ApiException.class,
            () ->
                auth.authSignUp(
                    new SignUpRequest().email(email).password("generated-pass").name("Gen")));
    assertEquals(409, taken.getCode());
    assertEquals(409, problem(taken).getStatus());

    ApiException invalid =
        assertThrows(
            ApiException.class,
            () ->
                auth.authSignUp(
                    new SignUpRequest().email("x@it.test").password("short").name("G")));
    assertEquals(400, invalid.getCode());
    Problem problem = problem(invalid);
    assertNotNull(problem.getRequestId());
    assertEquals("password", problem.getErrors().get(0).getField());

    ApiException wrong = assertThrows(ApiException.class, () -> signIn(email, "not-the-password"));
    assertEquals(401, problem(wrong).getStatus());

    String token = signIn(email, "generated-pass");
    ApiException notStaff =
        assertThrows(
            ApiException.class, () -> new ReminderApi(client(token)).remindersByBooking("ABCDEF"));
    assertEquals(403, problem(notStaff).getStatus());

    ApiException nobody =
        assertThrows(ApiException.class, () -> new BookingApi(client(token)).bookingsGet("ZZZZZZ"));
    assertEquals(404, problem(nobody).getStatus());

    ApiException noToken =
        assertThrows(ApiException.class, () -> new BookingApi(client(null)).bookingsGet("ZZZZZZ"));
    assertEquals(401, problem(noToken).getStatus());
    assertFalse(problem(noToken).getTitle().isBlank());
    assertTrue(noToken.getResponseHeaders().firstValue("X-Request-ID").isPresent());
  }
}
