package com.airline.reminder;

import com.airline.it.Catalogue;
import com.airline.it.Http;
import com.airline.it.Sql;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Booking events as booking publishes them, and the reminders API read as a map by kind. */
final class Reminders {

  private Reminders() {}

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Set<String> USED = ConcurrentHashMap.newKeySet();

  /**
   * A booking reference (6 of A-Z and 2-9) no other test of this run has used: to publish events
   * for, or to expect unknown.
   */
  static String reference() {
    while (true) {
      StringBuilder reference = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      }
      if (USED.add(reference.toString())) {
        return reference.toString();
      }
    }
  }

  static String event(
      String type, String eventId, String reference, Instant departure, String email) {
    return event(type, eventId, reference, departure, email, "Grace Hopper");
  }

  /** An event with that passenger name; more fields of booking (airline, locale) after it. */
  static String event(
      String type,
      String eventId,
      String reference,
      Instant departure,
      String email,
      String passengerName,
      Object... more) {
    JsonObject booking =
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
            passengerName,
            "passengerEmail",
            email);
    JsonObjectBuilder withMore = Json.createObjectBuilder(booking);
    Http.json(more).forEach(withMore::add);
    return Http.json(
            "eventId",
            eventId,
            "type",
            type,
            "occurredAt",
            Instant.now().toString(),
            "booking",
            withMore.build())
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
    return awaitStatus(reminders, reference, kind, status, Instant.now().plusSeconds(60));
  }

  /** Waits until the deadline for the booking's reminder of this kind to have this status. */
  static JsonObject awaitStatus(
      Http reminders, String reference, String kind, String status, Instant deadline)
      throws InterruptedException {
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

  /** Whether the reminder service has recorded the event as consumed (processed_event). */
  static boolean consumed(String eventId) {
    return Sql.number(
            "reminder", "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId)
        == 1;
  }
}
