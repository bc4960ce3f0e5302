package com.airline.reminder;

import static com.airline.reminder.Reminders.awaitStatus;
import static com.airline.reminder.Reminders.byKind;
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
import com.airline.it.ServerStatements;
import com.airline.it.Sql;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Booking events published by a plain RabbitMQ JMS producer, consumed by reminder's message-driven
 * bean through our resource adapter, mailed to a real SMTP server (GreenMail in this JVM).
 */
class ReminderIT {

  static Http reminders;
  static Http anonymous;
  static Http auth;

  @BeforeAll
  static void start() {
    Mailbox.start();
    auth = Http.to(Airline.start("auth"));
    anonymous = Http.to(Airline.start("reminder"));
    reminders = anonymous.as(TestUsers.admin(auth).token());
  }

  static String email() {
    return TestUsers.uniqueEmail("passenger");
  }

  static String created(String reference, Instant departure, String email) {
    String eventId = UUID.randomUUID().toString();
    Broker.publishEvent(
        "booking.created", event("booking.created", eventId, reference, departure, email));
    return eventId;
  }

  @Test
  void created_writesTheRowsAndSendsTheConfirmation() throws Exception {
    String reference = reference();
    String email = email();
    Instant departure = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    created(reference, departure, email);

    List<MimeMessage> mails =
        Mailbox.await(email, "Booking " + reference + " confirmed", Duration.ofSeconds(30));
    assertEquals(1, mails.size(), "one confirmation");
    Map<String, JsonObject> rows = byKind(reminders, reference);
    assertEquals(
        "SENT", awaitStatus(reminders, reference, "CONFIRMATION", "SENT").getString("status"));
    assertEquals("SCHEDULED", rows.get("T24H").getString("status"));
    assertEquals(
        departure.minus(24, ChronoUnit.HOURS).toString(), rows.get("T24H").getString("dueAt"));
    assertEquals("SCHEDULED", rows.get("T2H").getString("status"));
    assertEquals(
        departure.minus(2, ChronoUnit.HOURS).toString(), rows.get("T2H").getString("dueAt"));

    MimeMessage mail = mails.get(0);
    String[] parts = Mailbox.parts(mail);
    for (String part : parts) {
      assertTrue(part.contains("Grace Hopper"), part);
      assertTrue(part.contains(reference), part);
      assertTrue(part.contains("LHR") && part.contains("JFK"), part);
      assertTrue(part.contains("UTC") && part.contains("Europe/London"), "local and UTC: " + part);
    }
    assertTrue(parts[1].contains("<table>"), "an HTML part: " + parts[1]);
    assertTrue(
        mail.getMessageID().matches("<reminder-\\d+@airline\\.local>"),
        "a Message-ID made of the reminder's id: " + mail.getMessageID());
  }

  @Test
  void duplicatedEvents_changeNothing() throws Exception {
    String reference = reference();
    String email = email();
    Instant departure = Instant.now().plus(3, ChronoUnit.DAYS);
    String body =
        event("booking.created", UUID.randomUUID().toString(), reference, departure, email);

    Broker.publishEvent("booking.created", body);
    Broker.publishEvent("booking.created", body); // redelivered: same eventId
    String other = created(reference, departure, email); // republished: another eventId

    awaitConsumed(other);
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    Thread.sleep(2_000); // a second mail, if any, would be on its way by now
    assertEquals(1, Mailbox.to(email).size(), "one mail for three deliveries");
    assertEquals(3, byKind(reminders, reference).size(), "one row per kind");
    assertEquals(1, byKind(reminders, reference).get("CONFIRMATION").getInt("attempts"));
  }

  @Test
  void aFlightLeavingInTwoHoursAndTwentySeconds_getsItsT2hMailThen_andNoT24h() throws Exception {
    String reference = reference();
    String email = email();
    Instant departure =
        Instant.now().plus(Duration.ofHours(2).plusSeconds(20)).truncatedTo(ChronoUnit.SECONDS);
    Instant due = departure.minus(2, ChronoUnit.HOURS);

    created(reference, departure, email);

    assertEquals(
        "SKIPPED", awaitStatus(reminders, reference, "T24H", "SKIPPED").getString("status"));
    assertEquals("SCHEDULED", byKind(reminders, reference).get("T2H").getString("status"));
    List<MimeMessage> mails = Mailbox.await(email, "leaves in 2 hours", Duration.ofSeconds(60));
    assertEquals(1, mails.size(), "the T-2h mail");
    JsonObject t2h = awaitStatus(reminders, reference, "T2H", "SENT");
    Instant sentAt = Instant.parse(t2h.getString("sentAt"));
    assertFalse(sentAt.isBefore(due), "not before it is due: " + sentAt + " < " + due);
    assertTrue(
        sentAt.isBefore(due.plusSeconds(10)),
        "on time (a timer, not a poll): due " + due + ", sent " + sentAt);
    assertTrue(Mailbox.parts(mails.get(0))[0].contains("Check-in"), "a line about check-in");
    assertTrue(Mailbox.to(email).stream().noneMatch(m -> Mailbox.subject(m).contains("24 hours")));
  }

  @Test
  void aReminderBeyondTheHorizon_getsItsTimerFromTheSweepOnceWithinIt_andIsSent() throws Exception {
    String reference = reference();
    String email = email();
    awaitConsumed(created(reference, Instant.now().plus(3, ChronoUnit.DAYS), email));
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    // Two days before it is due, T-24h has no timer (the horizon is an hour). Time passes: it falls
    // due in a few seconds, and only the sweep can arm its timer.
    assertEquals(
        1,
        Sql.update(
            "reminder",
            "UPDATE reminder SET due_at = UTC_TIMESTAMP() + INTERVAL 5 SECOND"
                + " WHERE booking_reference = ? AND kind = 'T24H' AND status = 'SCHEDULED'"
                + " AND timer_armed = FALSE",
            reference),
        "T-24h scheduled, without a timer");

    List<MimeMessage> mails = Mailbox.await(email, "24 hours", Duration.ofSeconds(90));

    assertEquals(1, mails.size(), "the T-24h mail");
    assertEquals("SENT", awaitStatus(reminders, reference, "T24H", "SENT").getString("status"));
  }

  @Test
  void cancelled_cancelsThePendingRemindersAndMailsTheCancellation() throws Exception {
    String reference = reference();
    String email = email();
    Instant departure = Instant.now().plus(5, ChronoUnit.DAYS);
    created(reference, departure, email);
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");

    Broker.publishEvent(
        "booking.cancelled",
        event("booking.cancelled", UUID.randomUUID().toString(), reference, departure, email));

    assertEquals(
        1,
        Mailbox.await(email, "Booking " + reference + " cancelled", Duration.ofSeconds(30)).size());
    Map<String, JsonObject> rows = byKind(reminders, reference);
    assertEquals("CANCELLED", rows.get("T24H").getString("status"));
    assertEquals("CANCELLED", rows.get("T2H").getString("status"));
    assertEquals("SENT", rows.get("CONFIRMATION").getString("status"), "what was sent stays sent");
    assertEquals(
        "SENT", awaitStatus(reminders, reference, "CANCELLATION", "SENT").getString("status"));
  }

  @Test
  void createdAndCancelledTogether_leaveNothingScheduled() throws Exception {
    Instant departure = Instant.now().plus(3, ChronoUnit.DAYS);
    List<String> references = new ArrayList<>();
    List<String> eventIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // back to back: the consumer's sessions take both at once
      String reference = reference();
      String email = email();
      references.add(reference);
      eventIds.add(created(reference, departure, email));
      String cancelledId = UUID.randomUUID().toString();
      Broker.publishEvent(
          "booking.cancelled",
          event("booking.cancelled", cancelledId, reference, departure, email));
      eventIds.add(cancelledId);
    }

    awaitAllConsumed(eventIds);

    for (String reference : references) {
      Map<String, JsonObject> rows = byKind(reminders, reference);
      for (String kind : List.of("T24H", "T2H")) {
        assertEquals("CANCELLED", rows.get(kind).getString("status"), reference + " " + kind);
      }
    }
  }

  @Test
  void smtpDownThenUp_sendsTheMailOnce() throws Exception {
    String reference = reference();
    String email = email();
    Mailbox.stop();
    try {
      created(reference, Instant.now().plus(3, ChronoUnit.DAYS), email);
      JsonObject failed = awaitFailedAttempt(reference);
      assertEquals("SCHEDULED", failed.getString("status"), "kept for a retry: " + failed);
    } finally {
      Mailbox.start();
    }

    assertEquals(
        1,
        Mailbox.await(email, "Booking " + reference + " confirmed", Duration.ofSeconds(30)).size());
    JsonObject sent = awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    assertTrue(sent.getInt("attempts") >= 2, "sent by a retry: " + sent);
    Thread.sleep(3_000); // one retry period: no second copy
    assertEquals(1, Mailbox.to(email).size());
  }

  @Test
  void aPoisonMessage_landsInTheDeadLetterQueue_andTheQueueFlowsOn() throws Exception {
    String poisonId = "poison-" + UUID.randomUUID();
    String poison = "{\"eventId\": \"" + poisonId + "\", \"type\": \"booking.created\"}";
    String dead = Airline.REMINDER_QUEUE + ".dead";

    // another test's dead letter, which may come first (EventRelayIT's outbox rows when reminder
    // runs): the queue is the run's, not the test's
    Broker.publishEvent(
        "booking.created",
        "{\"eventId\": \"other-" + UUID.randomUUID() + "\", \"type\": \"booking.created\"}");
    Broker.publishEvent("booking.created", poison);
    String reference = reference();
    String email = email();
    created(reference, Instant.now().plus(3, ChronoUnit.DAYS), email);

    assertEquals(1, Mailbox.await(email, reference, Duration.ofSeconds(30)).size(), "not blocked");
    assertEquals(
        poison,
        Broker.take(dead, body -> body.contains(poisonId), Duration.ofSeconds(60)),
        "dead-lettered after its retries");
  }

  @Test
  void theApi_isForAdminAndSupport_andChecksItsInput() {
    String unknown = "/api/v1/reminders?booking=" + reference(); // no event is published for it
    assertEquals(401, anonymous.get(unknown).status());
    assertEquals(403, anonymous.as(TestUsers.signUp(auth).token()).get(unknown).status());
    assertEquals(
        200, anonymous.as(TestUsers.withRoles(auth, "SUPPORT").token()).get(unknown).status());
    Http.Reply missing = reminders.get("/api/v1/reminders");
    assertEquals(400, missing.status(), missing.body());
    assertTrue(missing.contentType().startsWith("application/problem+json"), missing.contentType());
    assertEquals(400, reminders.get("/api/v1/reminders?booking=abc").status());
    assertEquals("[]", reminders.get(unknown).body());
  }

  /** The confirmation's first attempt failed and was recorded: attempts 1 and an error. */
  private static JsonObject awaitFailedAttempt(String reference) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonObject confirmation = byKind(reminders, reference).get("CONFIRMATION");
      if (confirmation != null
          && confirmation.getInt("attempts") >= 1
          && confirmation.containsKey("lastError")) {
        return confirmation;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no failed attempt recorded for " + reference);
  }

  @Test
  void consumedEvents_areForgottenAfterTheRetention_only() throws Exception {
    List<String> ids = publishCreated(2, Instant.now().plus(10, ChronoUnit.DAYS));
    awaitAllConsumed(ids);
    String recent = ids.get(0);
    String old = ids.get(1);
    // as if consumed 29 and 31 days ago, in that order (a run in between must not find the second
    // still new): the retention is 30
    receivedDaysAgo(recent, 29);
    receivedDaysAgo(old, 31);

    Await.until(
        () -> !Reminders.consumed(old),
        Duration.ofSeconds(25), // forgotten every 10 s
        "an event consumed 31 days ago forgotten");
    assertTrue(Reminders.consumed(recent), "an event consumed 29 days ago was forgotten");
  }

  private static void receivedDaysAgo(String eventId, int days) {
    assertEquals(
        1,
        Sql.update(
            "reminder",
            "UPDATE processed_event SET received_at = UTC_TIMESTAMP(6) - INTERVAL ? DAY"
                + " WHERE event_id = ?",
            days,
            eventId));
  }

  /** Waits until the event's id is in processed_event. */
  static void awaitConsumed(String eventId) throws Exception {
    awaitAllConsumed(List.of(eventId));
  }

  @Test
  void consumingEvents_leavesNoStatementOpenOnTheDatabase() throws Exception {
    Instant departure = Instant.now().plus(10, ChronoUnit.DAYS);
    awaitAllConsumed(publishCreated(20, departure));
    long before = ServerStatements.open("reminder");

    awaitAllConsumed(publishCreated(ServerStatements.REPEATS, departure));

    long growth = ServerStatements.open("reminder") - before;
    assertTrue(
        growth < ServerStatements.MAX_GROWTH,
        ServerStatements.REPEATS + " events left " + growth + " more statements open");
  }

  static List<String> publishCreated(int events, Instant departure) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      ids.add(created(reference(), departure, email()));
    }
    return ids;
  }

  /** Waits until every one of the events' ids is in processed_event. */
  static void awaitAllConsumed(List<String> eventIds) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    String in = String.join(",", Collections.nCopies(eventIds.size(), "?"));
    try (Connection db = Airline.database("reminder");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM processed_event WHERE event_id IN (" + in + ")")) {
      for (int i = 0; i < eventIds.size(); i++) {
        query.setString(i + 1, eventIds.get(i));
      }
      while (Instant.now().isBefore(deadline)) {
        try (ResultSet count = query.executeQuery()) {
          count.next();
          if (count.getInt(1) == eventIds.size()) {
            return;
          }
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("not all of " + eventIds.size() + " events were consumed");
  }
}
