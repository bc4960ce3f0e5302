package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.BookingDetails;
import com.airline.reminder.templates.control.LanguageTags;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** A booking event as booking publishes it (API.md, Events), checked field by field. */
public record BookingEvent(String eventId, String type, BookingDetails booking) {

  public static final String CREATED = "booking.created";
  public static final String CANCELLED = "booking.cancelled";

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern REFERENCE = Pattern.compile("[A-Z2-9]{6}");
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern AIRLINE = Pattern.compile("[A-Z0-9]{2}");
  private static final int AIRLINE_NAME_MAX = 100;

  private static final Logger LOG = Logger.getLogger(BookingEvent.class.getName());

  public boolean created() {
    return CREATED.equals(type);
  }

  public boolean cancelled() {
    return CANCELLED.equals(type);
  }

  /**
   * Parses a message body; a body that is not such an event is an {@link MalformedEventException}.
   */
  public static BookingEvent parse(String text) {
    if (text == null) {
      throw new MalformedEventException("the message has no text body");
    }
    try {
      JsonObject event = JSON.createReader(new StringReader(text)).readObject();
      String eventId = matching(event, "eventId", EVENT_ID);
      String type = text(event, "type");
      JsonObject booking = event.getJsonObject("booking");
      if (booking == null) {
        throw new MalformedEventException("booking is missing");
      }
      JsonObject airline = optionalObject(booking, "airline");
      BookingDetails details =
          new BookingDetails(
              matching(booking, "reference", REFERENCE),
              text(booking, "flightNumber"),
              Instant.parse(text(booking, "departureTime")),
              matching(booking, "departureAirport", AIRPORT),
              matching(booking, "arrivalAirport", AIRPORT),
              booking.getInt("seats"),
              text(booking, "passengerName"),
              text(booking, "passengerEmail"),
              airline == null ? null : optional(airline, "code", AIRLINE),
              airline == null ? null : airlineName(airline),
              locale(booking));
      return new BookingEvent(eventId, type, details);
    } catch (JsonException | ClassCastException | NullPointerException | DateTimeParseException e) {
      throw new MalformedEventException("not a booking event: " + e.getMessage());
    }
  }

  /*
   * booking.airline and booking.locale came later than the other fields, and only make the mail
   * nicer: missing (older events) or unusable, they are left out rather than the whole booking's
   * mails dead-lettered.
   */

  private static JsonObject optionalObject(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonObject nested ? nested : null;
  }

  private static String optional(JsonObject object, String name, Pattern pattern) {
    if (!(object.get(name) instanceof JsonString string)) {
      return null;
    }
    String value = string.getString().trim();
    if (!pattern.matcher(value).matches()) {
      LOG.fine(() -> "Ignoring a malformed " + name + ": " + value);
      return null;
    }
    return value;
  }

  private static String airlineName(JsonObject airline) {
    if (!(airline.get("name") instanceof JsonString string) || string.getString().isBlank()) {
      return null;
    }
    String name = string.getString().strip();
    return name.length() > AIRLINE_NAME_MAX ? name.substring(0, AIRLINE_NAME_MAX) : name;
  }

  private static String locale(JsonObject booking) {
    if (!(booking.get("locale") instanceof JsonString string)) {
      return null;
    }
    String tag = LanguageTags.normalize(string.getString()).orElse(null);
    if (tag == null) {
      LOG.fine(() -> "Ignoring a malformed locale: " + string.getString());
    }
    return tag;
  }

  private static String text(JsonObject object, String name) {
    String value = object.getString(name, null);
    if (value == null || value.isBlank()) {
      throw new MalformedEventException(name + " is missing");
    }
    return value;
  }

  private static String matching(JsonObject object, String name, Pattern pattern) {
    String value = text(object, name);
    if (!pattern.matcher(value).matches()) {
      throw new MalformedEventException(name + " is malformed: " + value);
    }
    return value;
  }
}
