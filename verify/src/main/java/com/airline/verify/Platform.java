package com.airline.verify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform under verification, reached through its gateway, and what a run makes in it for
 * itself: users ({@code verify-<run>-<n>@verify.test}), and a catalogue of its own (a city, two
 * airports and an airline with codes no one else used, an airplane, flights). It stays afterwards,
 * under those names: the checks change nothing else.
 */
final class Platform {

  static final String PASSWORD_PREFIX = "verify-password-";

  private static final SecureRandom RANDOM = new SecureRandom();

  final Options options;
  final String run = HexFormat.of().formatHex(RANDOM.generateSeed(3));
  private final AtomicInteger users = new AtomicInteger();
  private Client admin;
  private String from;
  private String to;
  private String airline;
  private final AtomicInteger flightNumbers = new AtomicInteger();
  private final java.util.Map<Integer, Long> airplanes = new java.util.HashMap<>();

  Platform(Options options) {
    this.options = options;
  }

  /** A client of its own address, not signed in. */
  Client anonymous() {
    return Client.to(options.gateway());
  }

  /** The first admin, signed in (once). */
  synchronized Client admin() {
    if (admin == null) {
      try {
        admin = signIn(options.adminEmail(), options.adminPassword());
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            e.getMessage()
                + " (is AUTH_ADMIN_PASSWORD that admin's? `./airline up` says so in its 'First"
                + " admin' line)",
            e);
      }
    }
    return admin;
  }

  Client signIn(String email, String password) {
    Client client = anonymous();
    Client.Reply reply =
        client.post(
            "api/v1/auth/signin",
            Json.createObjectBuilder().add("email", email).add("password", password).build());
    expect(200, reply, "sign-in of " + email);
    return client.as(reply.json().getString("accessToken"));
  }

  /** A user signed up and signed in, each from an address of its own. */
  User signUp(String label) {
    String email = "verify-" + run + "-" + label + "-" + users.incrementAndGet() + "@verify.test";
    String password = PASSWORD_PREFIX + HexFormat.of().formatHex(RANDOM.generateSeed(8));
    Client client = anonymous();
    Client.Reply created =
        client.post(
            "api/v1/auth/signup",
            Json.createObjectBuilder()
                .add("email", email)
                .add("password", password)
                .add("name", "Verify " + label)
                .build());
    expect(201, created, "sign-up of " + email);
    String id = created.json().getString("id");
    Client.Reply token =
        client.post(
            "api/v1/auth/signin",
            Json.createObjectBuilder().add("email", email).add("password", password).build());
    expect(200, token, "sign-in of " + email);
    return new User(id, email, password, client.as(token.json().getString("accessToken")));
  }

  /** A user made SUPPORT by the admin, signed in again to hold the role. */
  User support() {
    User user = signUp("support");
    Client.Reply roles =
        admin()
            .put(
                "api/v1/users/" + user.id() + "/roles",
                Json.createArrayBuilder().add("SUPPORT").build());
    expect(200, roles, "SUPPORT for " + user.email());
    return new User(
        user.id(), user.email(), user.password(), signIn(user.email(), user.password()));
  }

  /** A token of the service client (booking's), from auth's service-token endpoint. */
  String serviceToken() {
    if (options.serviceSecret() == null) {
      throw new IllegalStateException("BOOKING_CLIENT_SECRET is not set");
    }
    Client.Reply reply =
        anonymous()
            .post(
                "api/v1/auth/service-tokens",
                Json.createObjectBuilder()
                    .add("clientId", options.serviceClient())
                    .add("clientSecret", options.serviceSecret())
                    .build());
    expect(200, reply, "a service token");
    return reply.json().getString("accessToken");
  }

  /** A new flight of the run's route, departing after that long, with that many seats. */
  synchronized JsonObject flight(int seats, java.time.Duration departsIn) {
    if (airline == null) {
      long city =
          created(
                  admin()
                      .post(
                          "api/v1/cities",
                          Json.createObjectBuilder()
                              .add("name", "Verify " + run)
                              .add("country", "NL")
                              .build()),
                  "a city")
              .getJsonNumber("id")
              .longValue();
      from = newCode(3, "api/v1/airports", city);
      to = newCode(3, "api/v1/airports", city);
      airline = newCode(2, "api/v1/airlines", city);
    }
    Long airplane = airplanes.get(seats);
    if (airplane == null) {
      airplane =
          created(
                  admin()
                      .post(
                          "api/v1/airplanes",
                          Json.createObjectBuilder()
                              .add("model", "Verify " + seats)
                              .add("capacity", seats)
                              .build()),
                  "an airplane")
              .getJsonNumber("id")
              .longValue();
      airplanes.put(seats, airplane);
    }
    Instant departure = Instant.now().plus(departsIn).truncatedTo(ChronoUnit.SECONDS);
    return created(
        admin()
            .post(
                "api/v1/flights",
                Json.createObjectBuilder()
                    .add("flightNumber", airline + flightNumbers.incrementAndGet())
                    .add("airplaneId", airplane)
                    .add("departureAirport", from)
                    .add("departureTime", departure.toString())
                    .add("arrivalAirport", to)
                    .add("arrivalTime", departure.plus(2, ChronoUnit.HOURS).toString())
                    .add("price", "100.00")
                    .add("currency", "EUR")
                    .build()),
        "a flight");
  }

  /** The search that finds the run's flights. */
  String route() {
    return "api/v1/flights?from=" + from + "&to=" + to;
  }

  /** An airport or airline made with a random code of that length no one has taken yet. */
  private String newCode(int length, String collection, long city) {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int attempt = 0; attempt < 200; attempt++) {
      StringBuilder code = new StringBuilder();
      for (int i = 0; i < length; i++) {
        code.append(letters.charAt(RANDOM.nextInt(letters.length())));
      }
      var body = Json.createObjectBuilder().add("code", code.toString());
      if (length == 3) {
        body.add("name", "Verify " + run + " " + code).add("cityId", city);
      } else {
        body.add("name", "Verify Air " + run + " " + code).add("country", "NL").add("active", true);
      }
      Client.Reply reply = admin().post(collection, body.build());
      if (reply.status() == 201) {
        return code.toString();
      }
      if (reply.status() != 409) {
        expect(201, reply, "a code of " + collection);
      }
    }
    throw new IllegalStateException("no free code for " + collection + " in 200 attempts");
  }

  private static JsonObject created(Client.Reply reply, String what) {
    expect(201, reply, what);
    return reply.json();
  }

  /** A booking of seats on the flight for the passenger, as the client, with these headers. */
  static Client.Reply book(
      Client client,
      long flight,
      int seats,
      String passengerName,
      String passengerEmail,
      java.util.Map<String, String> headers) {
    return client.send(
        "POST",
        "api/v1/bookings",
        Json.createObjectBuilder()
            .add("flightId", flight)
            .add("seats", seats)
            .add("passengerName", passengerName)
            .add("passengerEmail", passengerEmail)
            .build()
            .toString(),
        headers);
  }

  /** The booking's reminders, as reminder lists them to an admin; none if it does not answer. */
  java.util.List<JsonObject> reminders(String reference) {
    Client.Reply reply = admin().get("api/v1/reminders?booking=" + reference);
    if (reply.status() != 200) {
      return java.util.List.of();
    }
    try (var reader = Json.createReader(new java.io.StringReader(reply.body()))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  static void expect(int status, Client.Reply reply, String what) {
    if (reply.status() != status) {
      throw new IllegalStateException(what + ": expected " + status + ", got " + reply);
    }
  }

  /** A user of the run: id, e-mail, password, and a client signed in as them. */
  record User(String id, String email, String password, Client client) {}
}
