package com.airline.reminder.templates.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;

/**
 * The placeholders' values for one booking in one language (TemplateCompiler.PLACEHOLDERS). What is
 * unknown is null, which a template tests with a section: {{#departureZone}}...{{/departureZone}}.
 * Time zones and city names come from the WAR's airport lists: booking events carry neither.
 */
public final class MailValues {

  /** Check-in closes this long before departure (the T-2h mail says when). */
  static final Duration CHECK_IN_CLOSES = Duration.ofMinutes(45);

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Properties zones = new Properties();

  public MailValues() {
    try (InputStream in = MailValues.class.getResourceAsStream("/airport-zones.properties")) {
      zones.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, Object> of(BookingFacts b, String tag) {
    Locale locale = LanguageTags.locale(tag);
    DateTimeFormatter when = DateTimeFormatter.ofPattern(pattern(locale), locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
    String zoneId = zones.getProperty(b.departureAirport());
    ZoneId zone = zoneId == null ? ZoneOffset.UTC : ZoneId.of(zoneId);
    Instant closes = b.departureTime().minus(CHECK_IN_CLOSES);

    Map<String, Object> values = new HashMap<>(); // null values: Map.of refuses them
    values.put("passengerName", b.passengerName());
    values.put("reference", b.reference());
    values.put(
        "airline",
        b.airlineName() == null ? b.airlineCode() : b.airlineName() + " (" + b.airlineCode() + ")");
    values.put("airlineCode", b.airlineCode());
    values.put("airlineName", b.airlineName());
    values.put("flightNumber", b.flightNumber());
    values.put("departureAirport", b.departureAirport());
    values.put("departureCity", city(b.departureAirport(), locale));
    values.put("arrivalAirport", b.arrivalAirport());
    values.put("arrivalCity", city(b.arrivalAirport(), locale));
    values.put(
        "departureLocal", zoneId == null ? null : when.format(b.departureTime().atZone(zone)));
    values.put("departureZone", zoneId);
    values.put("departureUtc", when.format(b.departureTime().atZone(ZoneOffset.UTC)));
    values.put("seats", b.seats());
    values.put(
        "checkInCloses",
        time.format(closes.atZone(zone)) + (zoneId == null ? " UTC" : " (" + zoneId + ")"));
    return values;
  }

  /** "Thu 3 Dec 2026, 10:00"; German "Do., 3. Dez. 2026, 10:00". */
  private static String pattern(Locale locale) {
    return locale.getLanguage().equals("de") ? "EEE, d. MMM yyyy, HH:mm" : "EEE d MMM yyyy, HH:mm";
  }

  private static String city(String airport, Locale locale) {
    try {
      ResourceBundle cities = ResourceBundle.getBundle("airport-cities", locale, NO_FALLBACK);
      return cities.containsKey(airport) ? cities.getString(airport) : null;
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
