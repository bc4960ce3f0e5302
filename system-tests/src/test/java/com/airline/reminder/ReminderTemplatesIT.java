package com.airline.reminder;

import static com.airline.reminder.Reminders.awaitStatus;
import static com.airline.reminder.Reminders.event;
import static com.airline.reminder.Reminders.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Broker;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reminder mails written from templates: the WAR's English and German ones, and an operator's files
 * in the run's templates folder (REMINDER_TEMPLATES_DIR), which the run's one reminder instance
 * reads for every test's mails. So a test here replaces only a template whose mails no other test
 * is waiting for, keeps the words other tests look for ("Booking X confirmed"), and deletes its
 * files when done, waiting until the WAR's templates are back in use.
 */
class ReminderTemplatesIT {

  static Http auth;
  static Http anonymous;
  static Http admin;
  static final Path FOLDER = Airline.reminderTemplates();

  @BeforeAll
  static void start() {
    Mailbox.start();
    auth = Http.to(Airline.start("auth"));
    anonymous = Http.to(Airline.start("reminder"));
    admin = anonymous.as(TestUsers.admin(auth).token());
  }

  @AfterEach
  void backToTheWarsTemplates() throws Exception {
    if (Files.isDirectory(FOLDER)) {
      try (Stream<Path> files = Files.walk(FOLDER)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.delete(file);
        }
      }
    }
    Await.until(
        () -> templates().stream().allMatch(t -> "default".equals(t.getString("source"))),
        Duration.ofSeconds(20),
        "the WAR's templates in use again");
  }

  @Test
  void anOperatorsFile_replacesTheWars_andTheNextMailUsesIt() throws Exception {
    String marker = "operator-" + UUID.randomUUID();
    Path file =
        put(
            "en/confirmation.subject.mustache",
            "Booking {{reference}} confirmed: flight {{flightNumber}} (" + marker + ")");
    awaitSource("CONFIRMATION", "en", "subject", file.toString());

    String reference = reference();
    String email = TestUsers.uniqueEmail("templates");
    publish("booking.created", reference, email, "Grace Hopper");

    List<MimeMessage> mails = Mailbox.await(email, marker, Duration.ofSeconds(30));
    assertEquals(1, mails.size(), "the confirmation, with the operator's subject");
    assertTrue(Mailbox.subject(mails.get(0)).startsWith("Booking " + reference + " confirmed"));
    String[] parts = Mailbox.parts(mails.get(0));
    assertTrue(parts[0].startsWith("Dear Grace Hopper,"), "the WAR's text: " + parts[0]);
    // the event names no airline: its code is the flight number's first two characters
    assertTrue(parts[0].contains("Airline: T"), parts[0]);
  }

  @Test
  void aBrokenFile_isRefusedNamingFileAndLine_andMailsGoOnWithThePreviousOne() throws Exception {
    String marker = "previous-" + UUID.randomUUID();
    Path file = put("en/cancellation.text.mustache", "Cancelled: {{reference}} (" + marker + ")\n");
    awaitSource("CANCELLATION", "en", "text", file.toString());

    put("en/cancellation.text.mustache", "Cancelled:\n{{reference}} at {{gate}}\n");
    JsonObject refused =
        await(
            "CANCELLATION",
            "en",
            "text",
            ReminderTemplatesIT::hasProblem,
            "the broken file refused");
    assertEquals(file.toString(), refused.getString("source"), "the previous version in use");
    assertTrue(refused.getString("problem").contains("line 2"), refused.toString());
    Await.until(
        () -> logged(file + " at line 2: unknown placeholder {{gate}}"),
        Duration.ofSeconds(10),
        "a log line naming the file and the line");

    String reference = reference();
    String email = TestUsers.uniqueEmail("templates");
    Instant departure = publish("booking.created", reference, email, "Grace Hopper");
    awaitStatus(admin, reference, "CONFIRMATION", "SENT");
    Broker.publishEvent(
        "booking.cancelled",
        event("booking.cancelled", UUID.randomUUID().toString(), reference, departure, email));

    List<MimeMessage> mails =
        Mailbox.await(email, "Booking " + reference + " cancelled", Duration.ofSeconds(30));
    assertEquals(1, mails.size());
    // the previous version whole (the mail's lines end in CRLF)
    assertEquals(
        "Cancelled: " + reference + " (" + marker + ")", Mailbox.parts(mails.get(0))[0].strip());
    assertEquals("SENT", awaitStatus(admin, reference, "CANCELLATION", "SENT").getString("status"));
  }

  @Test
  void aGermanBooking_getsTheGermanMail() throws Exception {
    String reference = reference();
    String email = TestUsers.uniqueEmail("templates");
    publish(
        "booking.created",
        reference,
        email,
        "Grace Hopper",
        "airline",
        Http.json("code", "LH", "name", "Lufthansa"),
        "locale",
        "de");

    List<MimeMessage> mails =
        Mailbox.await(email, "Buchung " + reference + " bestätigt", Duration.ofSeconds(30));
    assertEquals(1, mails.size(), "the German confirmation");
    String[] parts = Mailbox.parts(mails.get(0));
    for (String part : parts) {
      assertTrue(part.contains("Guten Tag Grace Hopper,"), part);
      assertTrue(part.contains("Lufthansa (LH)"), part);
      assertTrue(part.contains("LHR (London) nach JFK (New York)"), part);
      assertTrue(part.contains("(Europe/London)") && part.contains("UTC"), part);
    }
  }

  @Test
  void html_escapesAPassengerNamedScript() throws Exception {
    String reference = reference();
    String email = TestUsers.uniqueEmail("templates");
    String name = "<script>alert('x')</script> Smith";
    publish("booking.created", reference, email, name);

    List<MimeMessage> mails =
        Mailbox.await(email, "Booking " + reference + " confirmed", Duration.ofSeconds(30));
    assertEquals(1, mails.size());
    String[] parts = Mailbox.parts(mails.get(0));
    assertTrue(parts[0].contains("Dear " + name + ","), "plain text as it is: " + parts[0]);
    assertFalse(parts[1].contains("<script>"), parts[1]);
    assertTrue(parts[1].contains("&lt;script&gt;alert("), "escaped in HTML: " + parts[1]);
  }

  @Test
  void theTemplatesApi_isForAdmin() {
    String list = "/api/v1/reminders/templates";
    String preview = "/api/v1/reminders/templates/confirmation/preview";
    Http user = anonymous.as(TestUsers.signUp(auth).token());
    assertEquals(401, anonymous.get(list).status());
    assertEquals(403, user.get(list).status());
    assertEquals(401, anonymous.post(preview, null).status());
    assertEquals(403, user.post(preview, null).status());

    Http.Reply listed = admin.get(list);
    assertEquals(200, listed.status(), listed.body());
    assertEquals(2 * 4 * 3, listed.array().size(), "en and de, 4 kinds, 3 parts: " + listed);
    JsonObject germanHtml = find(listed, "T2H", "de", "html");
    assertEquals("default", germanHtml.getString("source"));
    assertFalse(hasProblem(germanHtml), "no problem: " + germanHtml);

    Http.Reply english = admin.post(preview, null);
    assertEquals(200, english.status(), english.body());
    assertTrue(english.json().getString("subject").matches("Booking \\w{6} confirmed: .*"));
    assertTrue(english.json().getString("html").contains("<table>"));
    Http.Reply german = admin.post("/api/v1/reminders/templates/T2H/preview?locale=de-AT", null);
    assertEquals(200, german.status(), german.body());
    assertEquals("de", german.json().getString("locale"));
    assertTrue(german.json().getString("subject").contains("startet in 2 Stunden"), german.body());
    assertTrue(german.json().getString("text").contains("Check-in"), german.body());

    Http.Reply unknownKind = admin.post("/api/v1/reminders/templates/t3h/preview", null);
    assertEquals(404, unknownKind.status(), unknownKind.body());
    assertTrue(unknownKind.contentType().startsWith("application/problem+json"));
    Http.Reply badLocale = admin.post(preview + "?locale=de%20DE!", null);
    assertEquals(400, badLocale.status(), badLocale.body());
    assertTrue(badLocale.contentType().startsWith("application/problem+json"));
  }

  @Test
  void theGateway_routesTheTemplatesApi_toAdminsOnly() {
    Http gateway = Http.to(Airline.start("gateway"));
    String list = "/api/v1/reminders/templates";
    assertEquals(401, gateway.get(list).status());
    assertEquals(403, gateway.as(TestUsers.signUp(auth).token()).get(list).status());
    Http.Reply listed = gateway.as(admin.token()).get(list);
    assertEquals(200, listed.status(), listed.body());
    Http.Reply preview =
        gateway.as(admin.token()).post(list + "/cancellation/preview?locale=de", null);
    assertEquals(200, preview.status(), preview.body());
    assertTrue(preview.json().getString("subject").contains("storniert"), preview.body());
  }

  /** Publishes the event of a booking departing in three days; answers the departure. */
  private static Instant publish(
      String type, String reference, String email, String passenger, Object... more) {
    Instant departure = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Broker.publishEvent(
        type,
        event(type, UUID.randomUUID().toString(), reference, departure, email, passenger, more));
    return departure;
  }

  /** Writes a template into the run's folder whole (the reminder reads no half-written file). */
  private static Path put(String relative, String text) throws IOException {
    Path file = FOLDER.resolve(relative);
    Files.createDirectories(file.getParent());
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial"); // hidden: ignored
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static List<JsonObject> templates() {
    Http.Reply reply = admin.get("/api/v1/reminders/templates");
    assertEquals(200, reply.status(), reply.body());
    return reply.array().stream().map(JsonObject.class::cast).toList();
  }

  private static JsonObject find(Http.Reply listed, String kind, String locale, String part) {
    return listed.array().stream()
        .map(JsonObject.class::cast)
        .filter(
            t ->
                t.getString("kind").equals(kind)
                    && t.getString("locale").equals(locale)
                    && t.getString("part").equals(part))
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " " + locale + " " + part + ": " + listed));
  }

  private static void awaitSource(String kind, String locale, String part, String source)
      throws InterruptedException {
    await(
        kind,
        locale,
        part,
        t -> source.equals(t.getString("source")) && !hasProblem(t),
        "the reminder using " + source);
  }

  private static JsonObject await(
      String kind, String locale, String part, Predicate<JsonObject> condition, String what)
      throws InterruptedException {
    JsonObject[] found = new JsonObject[1];
    Await.until(
        () -> {
          found[0] = find(admin.get("/api/v1/reminders/templates"), kind, locale, part);
          return condition.test(found[0]);
        },
        Duration.ofSeconds(20),
        what);
    return found[0];
  }

  /** The problem is left out of the JSON when there is none (JSON-B leaves out nulls). */
  private static boolean hasProblem(JsonObject template) {
    return template.containsKey("problem") && !template.isNull("problem");
  }

  private static boolean logged(String text) {
    try (Stream<String> lines =
        Files.lines(Airline.logs().resolve("reminder-1.log"), StandardCharsets.ISO_8859_1)) {
      return lines.anyMatch(line -> line.contains(text));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
