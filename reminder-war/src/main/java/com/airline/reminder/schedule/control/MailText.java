package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.Reminder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/** Subject, plain text and HTML of each kind of mail. */
@ApplicationScoped
public class MailText {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  private final Properties zones = new Properties();

  public record Mail(String subject, String plain, String html) {}

  @PostConstruct
  void loadZones() {
    try (InputStream in = MailText.class.getResourceAsStream("/airport-zones.properties")) {
      zones.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Mail of(Reminder r) {
    String flight = r.getFlightNumber();
    String route = r.getDepartureAirport() + " to " + r.getArrivalAirport();
    String subject =
        switch (r.getKind()) {
          case CONFIRMATION ->
              "Booking " + r.getBookingReference() + " confirmed: flight " + flight;
          case T24H -> "Your flight " + flight + " leaves in 24 hours";
          case T2H -> "Your flight " + flight + " leaves in 2 hours";
          case CANCELLATION -> "Booking " + r.getBookingReference() + " cancelled";
        };
    String lead =
        switch (r.getKind()) {
          case CONFIRMATION -> "your booking is confirmed.";
          case T24H -> "your flight leaves in 24 hours.";
          case T2H ->
              "your flight leaves in 2 hours. Check-in closes 45 minutes before departure;"
                  + " please be at the gate on time.";
          case CANCELLATION -> "your booking has been cancelled and its seats released.";
        };
    String[][] facts = {
      {"Booking reference", r.getBookingReference()},
      {"Flight", flight + ", " + route},
      {"Departure (local, " + r.getDepartureAirport() + ")", local(r)},
      {"Departure (UTC)", WHEN.format(r.getDepartureTime().atZone(ZoneOffset.UTC)) + " UTC"},
      {"Seats", String.valueOf(r.getSeats())}
    };
    StringBuilder plain =
        new StringBuilder("Dear " + r.getPassengerName() + ",\n\n" + lead + "\n\n");
    StringBuilder html =
        new StringBuilder("<p>Dear " + escape(r.getPassengerName()) + ",</p><p>" + escape(lead))
            .append("</p><table>");
    for (String[] fact : facts) {
      plain.append(fact[0]).append(": ").append(fact[1]).append('\n');
      html.append("<tr><th align=\"left\">")
          .append(escape(fact[0]))
          .append("</th><td>")
          .append(escape(fact[1]))
          .append("</td></tr>");
    }
    plain.append("\nHave a good flight.\n");
    html.append("</table><p>Have a good flight.</p>");
    return new Mail(subject, plain.toString(), html.toString());
  }

  private String local(Reminder r) {
    String zone = zones.getProperty(r.getDepartureAirport());
    Instant departure = r.getDepartureTime();
    return zone == null
        ? "time zone unknown, see UTC"
        : WHEN.format(departure.atZone(ZoneId.of(zone))) + " (" + zone + ")";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
