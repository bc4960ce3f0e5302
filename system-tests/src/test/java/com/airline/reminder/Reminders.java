package com.airline.reminder;

import com.airline.it.Catalogue;
import com.airline.it.Http;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Booking events as booking publishes them, and the reminders API read as a map by kind. */
final class Reminders {

  private Reminders() {}

  /** A fresh booking reference (6 of A-Z and 2-9). */
  static String reference() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder reference = new StringBuilder();
    UUID random = UUID.randomUUID();
    long bits = random.getMostSignificantBits() ^ random.getLeastSignificantBits();
    for (int i = 0; i < 6; i++) {
      reference.append(alphabet.charAt((int) Math.floorMod(bits >> (i * 5), 32)));
    }
    return reference.toString();
  }

  static String event(
      String type, String eventId, String reference, Instant departure, String email) {
    return Http.json(
            "eventId",
            eventId,
            "type",
            type,
            "occurredAt",
            Instant.now().toString(),
            "booking",
            Http.json(
                "reference",
                reference,
                "userId",
                "it-user",
                "flightId",
                1,
                "flightNumber",
                Catalogue.uniqueFlightNumber(),
                "departureTime",
                departure.truncatedTo(ChronoUnit.SECONDS).toString(),
                "departureAirport",
                "LHR",
                "arrivalAirport",
                "JFK",
                "seats",
                2,
                "passengerName",
                "Grace Hopper",
                "passengerEmail",
                email))
        .toString();
  }

  /** The booking's reminders by kind, as GET /api/v1/reminders shows them. */
  static Map<String, JsonObject> byKind(Http reminders, String reference) {
    Http.Reply reply = reminders.get("/api/v1/reminders?booking=" + reference);
    if (reply.status() != 200) {
      throw new IllegalStateException("GET /reminders: " + reply);
    }
    return reply.array().stream()
        .map(JsonObject.class::cast)
        .collect(Collectors.toMap(r -> r.getString("kind"), r -> r));
  }

  /** Waits until the booking's reminder of that kind has the status; answers it. */
  static JsonObject awaitStatus(Http reminders, String reference, String kind, String status)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonObject reminder = null;
    while (Instant.now().isBefore(deadline)) {
      reminder = byKind(reminders, reference).get(kind);
      if (reminder != null && status.equals(reminder.getString("status"))) {
        return reminder;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        kind + " of " + reference + " never became " + status + ": " + reminder);
  }
}
