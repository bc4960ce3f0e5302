package com.airline.reminder;

import static com.airline.reminder.Reminders.awaitStatus;
import static com.airline.reminder.Reminders.byKind;
import static com.airline.reminder.Reminders.event;
import static com.airline.reminder.Reminders.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Broker;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.Sql;
import com.airline.it.TestUsers;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What becomes of a reminder when things go wrong: the SMTP server refusing every attempt, a crash
 * in the middle of a send, the service down while reminders fall due, events out of order.
 */
class ReminderFailuresIT {

  /** The run's REMINDER_MAIL_RETRY_DELAYS has three: a fourth failed attempt is the last. */
  static final int ATTEMPTS = 4;

  static Http reminders;

  @BeforeAll
  static void start() {
    Mailbox.start();
    Http auth = Http.to(Airline.start("auth"));
    reminders = Http.to(Airline.start("reminder")).as(TestUsers.admin(auth).token());
    assertServing();
  }

  /** Ready means serving: the API answers as soon as the launcher found the service ready. */
  static void assertServing() {
    Http.Reply reply = reminders.get("/api/v1/reminders?booking=" + Reminders.reference());
    assertEquals(200, reply.status(), reply.body());
  }

  static String email() {
    return TestUsers.uniqueEmail("failures");
  }

  static String publish(String type, String reference, Instant departure, String email) {
    String eventId = UUID.randomUUID().toString();
    Broker.publishEvent(type, event(type, eventId, reference, departure, email));
    return eventId;
  }

  @Test
  void smtpRefusingEveryAttempt_failsTheReminderAfterItsRetries_andNeverSendsIt() throws Exception {
    String reference = reference();
    String email = email();
    Mailbox.stop();
    JsonObject failed;
    try {
      publish("booking.created", reference, Instant.now().plus(3, ChronoUnit.DAYS), email);
      failed = awaitStatus(reminders, reference, "CONFIRMATION", "FAILED");
    } finally {
      Mailbox.start();
    }

    assertEquals(ATTEMPTS, failed.getInt("attempts"), "the first attempt and three retries");
    assertTrue(
        failed.getString("lastError").contains("Exception"), "the SMTP error kept: " + failed);
    Thread.sleep(5_000); // two retry delays with the SMTP server back: a FAILED mail stays unsent
    assertEquals(
        "FAILED", byKind(reminders, reference).get("CONFIRMATION").getString("status"), "final");
    assertEquals(0, Mailbox.to(email).size(), "never sent");
    assertEquals("SCHEDULED", byKind(reminders, reference).get("T24H").getString("status"));
  }

  @Test
  void leftSendingByACrash_isFailedAfterSixMinutes_notSentAgain_andOneJustClaimedIsLeftAlone()
      throws Exception {
    String reference = reference();
    String email = email();
    awaitConsumed(
        publish("booking.created", reference, Instant.now().plus(3, ChronoUnit.DAYS), email));
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    // As a crash leaves them: T-24h claimed seven minutes ago and never finished, T-2h claimed just
    // now (its send may still be under way). A mail might have gone out: neither is sent again.
    claimedSecondsAgo(reference, "T24H", 420);
    claimedSecondsAgo(reference, "T2H", 0);

    // by the sweep (every 5 s in this run), well before the row claimed now is six minutes old
    Await.until(
        () -> "FAILED".equals(byKind(reminders, reference).get("T24H").getString("status")),
        Duration.ofSeconds(90),
        "T-24h of " + reference + " FAILED");

    Map<String, JsonObject> rows = byKind(reminders, reference);
    assertTrue(rows.get("T24H").getString("lastError").contains("interrupted"), rows.toString());
    assertEquals("SENDING", rows.get("T2H").getString("status"), "still being sent: " + rows);
    assertEquals(1, Mailbox.to(email).size(), "the confirmation only: " + Mailbox.to(email));
  }

  @Test
  void aReminderThatLostItsTimer_isSentByTheMinuteSweep_once() throws Exception {
    String reference = reference();
    String email = email();
    awaitConsumed(
        publish("booking.created", reference, Instant.now().plus(3, ChronoUnit.DAYS), email));
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    // T-24h armed, due two minutes ago, and no timer fired: its timer is lost
    assertEquals(
        1,
        Sql.update(
            "reminder",
            "UPDATE reminder SET due_at = UTC_TIMESTAMP() - INTERVAL 2 MINUTE, timer_armed = TRUE"
                + " WHERE booking_reference = ? AND kind = 'T24H' AND status = 'SCHEDULED'",
            reference));

    assertEquals(1, Mailbox.await(email, "leaves in 24 hours", Duration.ofSeconds(90)).size());
    JsonObject sent = awaitStatus(reminders, reference, "T24H", "SENT");
    assertEquals(1, sent.getInt("attempts"), sent.toString());
  }

  @Test
  void dueWhileTheServiceWasDown_sentOnStartWhileTheFlightIsAhead_skippedOnceItHasLeft()
      throws Exception {
    String departedRef = reference();
    String aheadRef = reference();
    String departedEmail = email();
    String aheadEmail = email();
    Instant later = Instant.now().plus(3, ChronoUnit.DAYS);
    awaitConsumed(publish("booking.created", departedRef, later, departedEmail));
    awaitConsumed(publish("booking.created", aheadRef, later, aheadEmail));
    awaitStatus(reminders, departedRef, "CONFIRMATION", "SENT");
    awaitStatus(reminders, aheadRef, "CONFIRMATION", "SENT");

    Airline.stop("reminder");
    try {
      // while it is down, both T-2h mails fall due (their timers are gone with the service); one
      // flight leaves meanwhile
      fellDueWhileDown(departedRef, Duration.ofMinutes(-5));
      fellDueWhileDown(aheadRef, Duration.ofMinutes(110));
    } finally {
      Airline.start("reminder");
    }
    assertServing();

    JsonObject skipped = awaitStatus(reminders, departedRef, "T2H", "SKIPPED");
    assertTrue(skipped.getString("lastError").contains("left"), skipped.toString());
    JsonObject sent = awaitStatus(reminders, aheadRef, "T2H", "SENT");
    assertEquals(1, sent.getInt("attempts"));
    assertEquals(1, Mailbox.await(aheadEmail, "leaves in 2 hours", Duration.ofSeconds(30)).size());
    Thread.sleep(2_000); // a mail for the departed flight would be out by now
    assertEquals(0, Mailbox.withSubject(departedEmail, "leaves in 2 hours").size());
    assertEquals(
        "SCHEDULED",
        byKind(reminders, departedRef).get("T24H").getString("status"),
        "the other reminders untouched");
  }

  @Test
  void cancellationConsumedBeforeItsCreation_leavesEveryReminderCancelled_andNoneMailed()
      throws Exception {
    String reference = reference();
    String email = email();
    Instant departure = Instant.now().plus(3, ChronoUnit.DAYS);

    awaitConsumed(publish("booking.cancelled", reference, departure, email));
    awaitConsumed(publish("booking.created", reference, departure, email));

    Map<String, JsonObject> rows = byKind(reminders, reference);
    for (String kind : new String[] {"CONFIRMATION", "T24H", "T2H"}) {
      assertEquals("CANCELLED", rows.get(kind).getString("status"), kind + ": " + rows);
      assertEquals(0, rows.get(kind).getInt("attempts"), kind + ": " + rows);
    }
    // the cancellation mail is what the passenger gets (it goes out when its event arrives)
    assertEquals(
        1,
        Mailbox.await(email, "Booking " + reference + " cancelled", Duration.ofSeconds(30)).size());
    awaitStatus(reminders, reference, "CANCELLATION", "SENT");
    Thread.sleep(2_000); // a confirmation would have followed its event at once
    assertEquals(1, Mailbox.to(email).size(), "no confirmation: " + Mailbox.to(email));
  }

  /** The row of that kind SENDING, claimed that many seconds ago, as a crash mid-send leaves it. */
  private static void claimedSecondsAgo(String reference, String kind, int seconds) {
    assertEquals(
        1,
        Sql.update(
            "reminder",
            "UPDATE reminder SET status = 'SENDING', attempts = attempts + 1,"
                + " claimed_at = UTC_TIMESTAMP(6) - INTERVAL ? SECOND"
                + " WHERE booking_reference = ? AND kind = ? AND status = 'SCHEDULED'",
            seconds,
            reference,
            kind),
        kind + " of " + reference + " was SCHEDULED");
  }

  /**
   * The booking's T-2h reminder, with a timer as one due within the hour has, fell due ten minutes
   * ago; its flight leaves this long from now (negative: has left).
   */
  private static void fellDueWhileDown(String reference, Duration departsIn) {
    assertEquals(
        1,
        Sql.update(
            "reminder",
            "UPDATE reminder SET due_at = UTC_TIMESTAMP() - INTERVAL 10 MINUTE,"
                + " departure_time = UTC_TIMESTAMP() + INTERVAL ? SECOND, timer_armed = TRUE"
                + " WHERE booking_reference = ? AND kind = 'T2H' AND status = 'SCHEDULED'",
            departsIn.toSeconds(),
            reference),
        "T-2h of " + reference + " was SCHEDULED");
  }

  /** Waits until the event's id is in processed_event: the event was consumed and committed. */
  private static void awaitConsumed(String eventId) throws InterruptedException {
    Await.until(
        () -> Reminders.consumed(eventId),
        Duration.ofSeconds(60),
        "event " + eventId + " consumed");
  }
}
