package com.airline.reminder.templates.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.reminder.schedule.entity.ReminderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailTemplatesTest {

  @TempDir Path dir;

  private static final Instant DEPARTURE = Instant.parse("2026-12-03T10:00:00Z");

  private static BookingFacts booking(String name, String airlineName, String from) {
    return new BookingFacts(name, "K7QX3M", "BA", airlineName, "BA117", from, "JFK", DEPARTURE, 2);
  }

  private MailTemplates templates(Path folder) {
    MailTemplates templates = new MailTemplates();
    templates.dir = Optional.ofNullable(folder).map(Path::toString);
    templates.load();
    return templates;
  }

  @Test
  void english_sayEverythingAboutTheBooking() {
    MailContent mail =
        templates(null)
            .render(
                ReminderKind.CONFIRMATION, null, booking("Grace Hopper", "British Airways", "LHR"));
    assertEquals("en", mail.locale());
    assertEquals("Booking K7QX3M confirmed: flight BA117", mail.subject());
    for (String part : new String[] {mail.text(), mail.html()}) {
      assertTrue(part.contains("Grace Hopper"), part);
      assertTrue(part.contains("British Airways (BA)"), part);
      assertTrue(part.contains("LHR (London) to JFK (New York)"), part);
      assertTrue(part.contains("Thu 3 Dec 2026, 10:00 (Europe/London)"), part);
      assertTrue(part.contains("Thu 3 Dec 2026, 10:00 UTC"), part);
    }
    assertTrue(mail.html().contains("<table>"), mail.html());
  }

  @Test
  void german_forAGermanBooking_andForAnAustrianOne() {
    MailTemplates templates = templates(null);
    BookingFacts booking = booking("Grace Hopper", "British Airways", "MUC");
    for (String tag : new String[] {"de", "de-at"}) {
      MailContent mail = templates.render(ReminderKind.T2H, tag, booking);
      assertEquals("de", mail.locale());
      assertEquals("Ihr Flug BA117 startet in 2 Stunden", mail.subject());
      assertTrue(mail.text().contains("MUC (München) nach JFK (New York)"), mail.text());
      assertTrue(mail.text().contains("Do., 3. Dez. 2026, 11:00 (Europe/Berlin)"), mail.text());
      assertTrue(mail.text().contains("Check-in schließt um 10:15 (Europe/Berlin)"), mail.text());
    }
  }

  @Test
  void aLanguageWithoutTemplates_getsEnglish() {
    MailContent mail =
        templates(null).render(ReminderKind.T24H, "it", booking("Ada", "Alitalia", "FCO"));
    assertEquals("en", mail.locale());
    assertEquals("Your flight BA117 leaves in 24 hours", mail.subject());
  }

  @Test
  void html_escapesThePassengersName_textAndSubjectDoNot() throws IOException {
    Files.createDirectories(dir.resolve("en"));
    Files.writeString(
        dir.resolve("en/cancellation.subject.mustache"), "Cancelled for {{passengerName}}\n");
    String name = "<script>alert(1)</script>";
    MailContent mail =
        templates(dir).render(ReminderKind.CANCELLATION, "en", booking(name, null, "LHR"));
    assertFalse(mail.html().contains("<script>"), mail.html());
    assertTrue(mail.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), mail.html());
    assertTrue(mail.text().contains(name), mail.text());
    assertEquals("Cancelled for " + name, mail.subject());
  }

  @Test
  void anUnknownAirlineNameAndZone_areLeftOut() {
    MailContent mail =
        templates(null).render(ReminderKind.CONFIRMATION, "en", booking("Ada", null, "XXX"));
    assertTrue(mail.text().contains("Airline: BA\n"), mail.text());
    assertTrue(mail.text().contains("Flight: BA117, XXX to JFK (New York)"), mail.text());
    assertTrue(mail.text().contains("time zone unknown, see UTC"), mail.text());
  }

  @Test
  void aSubjectOfSeveralLines_becomesOne() throws IOException {
    Files.createDirectories(dir.resolve("en"));
    Files.writeString(dir.resolve("en/t24h.subject.mustache"), "Soon:\n  {{flightNumber}}\r\n");
    MailContent mail = templates(dir).render(ReminderKind.T24H, null, booking("A", null, "LHR"));
    assertEquals("Soon: BA117", mail.subject());
  }

  @Test
  void aTemplateRenderingAnEmptySubject_givesWayToTheWars() throws IOException {
    Files.createDirectories(dir.resolve("de"));
    Files.writeString(dir.resolve("de/t24h.subject.mustache"), "{{airlineName}}");
    MailContent mail = templates(dir).render(ReminderKind.T24H, "de", booking("A", null, "LHR"));
    assertEquals("Ihr Flug BA117 startet in 24 Stunden", mail.subject());
  }
}
