package com.airline.reminder;

import static com.airline.reminder.Reminders.event;
import static com.airline.reminder.Reminders.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Broker;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two reminder instances in one data grid, consuming one queue into one database: the run's
 * reminder-1 and a reminder-2 beside it. A persistent timer fires only on the instance whose name
 * it carries: when that instance is killed, the other one takes its reminders over (the row names
 * the new owner) and mails them on time and once, also after the killed one is back.
 */
class ReminderFailoverIT {

  /** From a reminder's due time to its mail's arrival, at the latest, with its owner killed. */
  private static final Duration ON_TIME = Duration.ofSeconds(5);

  private static final String T2H_SUBJECT = "leaves in 2 hours";

  /** A reminder row as the database holds it. */
  record Row(String status, String owner, Instant dueAt, int attempts) {}

  @Test
  void ownerKilledBeforeDue_theOtherInstanceSendsTheMailOnceOnTime_andNotAgainWhenItIsBack()
      throws Exception {
    Mailbox.start();
    Airline.start("reminder");
    Airline.startReplica("reminder", 2);
    String owner = null;
    try {
      String reference = reference();
      String email = TestUsers.uniqueEmail("failover");
      // the T-2h mail due in 30 s: time to kill its timer's holder and for the grid to notice (the
      // survivor took over within a second of the kill)
      Instant departure = Instant.now().plus(Duration.ofHours(2).plusSeconds(30));
      Broker.publishEvent(
          "booking.created",
          event("booking.created", UUID.randomUUID().toString(), reference, departure, email));
      // the confirmation out first: one killed while mailing stays unsent, never sent twice
      assertEquals(1, Mailbox.await(email, "confirmed", Duration.ofSeconds(30)).size());
      Row armed = awaitRow(reference, "T2H", Duration.ofSeconds(30));
      assertEquals("SCHEDULED", armed.status());
      owner = armed.owner();
      assertTrue(List.of("reminder-1", "reminder-2").contains(owner), "armed by " + owner);
      String survivor = owner.equals("reminder-1") ? "reminder-2" : "reminder-1";
      Instant due = armed.dueAt();
      assertTrue(
          Instant.now().isBefore(due.minusSeconds(12)), "too late to kill it well before due");

      Instant killedAt = Instant.now();
      Airline.killInstance(owner);

      List<Instant> received =
          awaitMails(email, T2H_SUBJECT, due.plus(ON_TIME).plus(Duration.ofMinutes(1)));
      System.out.printf(
          "%s killed at %s, %d s before the T-2h mail was due (%s); received %s%n%s%n",
          owner,
          killedAt,
          Duration.between(killedAt, due).toSeconds(),
          due,
          received,
          String.join("\n", logLines(survivor, owner)));
      assertFalse(received.isEmpty(), "never sent");
      assertFalse(
          received.get(0).isAfter(due.plus(ON_TIME)),
          "received " + Duration.between(due, received.get(0)).toMillis() + " ms after due");
      assertFalse(received.get(0).isBefore(due), "received before due: " + received.get(0));
      Thread.sleep(5_000); // a second mail would come within this (timers fire within a second)
      assertEquals(1, Mailbox.receivedAt(email, T2H_SUBJECT).size(), "exactly once");
      Row sent = row(reference, "T2H");
      assertEquals(new Row("SENT", survivor, due, 1), sent, "sent once, by " + survivor);

      // back with the same name, and with its timers, should the grid have kept them for it
      restart(owner);
      owner = null;
      Thread.sleep(5_000); // a timer restored at start is overdue: it would fire at once
      assertEquals(1, Mailbox.receivedAt(email, T2H_SUBJECT).size(), "not again");
      assertEquals(1, Mailbox.receivedAt(email, "confirmed").size(), "the confirmation not again");
      assertEquals(sent, row(reference, "T2H"));
    } finally {
      if (owner != null) {
        restart(owner);
      }
      Airline.stopReplica("reminder", 2);
    }
  }

  private static void restart(String instance) {
    if (instance.equals("reminder-1")) {
      Airline.start("reminder");
    } else {
      Airline.startReplica("reminder", 2);
    }
  }

  private static List<Instant> awaitMails(String email, String subject, Instant deadline)
      throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      List<Instant> received = Mailbox.receivedAt(email, subject);
      if (!received.isEmpty()) {
        return received;
      }
      Thread.sleep(100);
    }
    return Mailbox.receivedAt(email, subject);
  }

  private static Row awaitRow(String reference, String kind, Duration atMost) throws Exception {
    Instant deadline = Instant.now().plus(atMost);
    while (true) {
      Row row = row(reference, kind);
      if (row != null || Instant.now().isAfter(deadline)) {
        assertNotEquals(null, row, kind + " of " + reference + " never written");
        return row;
      }
      Thread.sleep(100);
    }
  }

  private static Row row(String reference, String kind) throws SQLException {
    try (Connection db = Airline.database("reminder");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT status, timer_owner, due_at, attempts FROM reminder"
                    + " WHERE booking_reference = ? AND kind = ?")) {
      query.setString(1, reference);
      query.setString(2, kind);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return null;
        }
        return new Row(
            rows.getString(1),
            rows.getString(2),
            rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), // stored in UTC
            rows.getInt(4));
      }
    }
  }

  /** What the survivor logged about the grid and the takeover, for the run's report. */
  private static List<String> logLines(String survivor, String killed) throws IOException {
    try (Stream<String> lines =
        Files.lines(Airline.logs().resolve(survivor + ".log"), StandardCharsets.ISO_8859_1)) {
      return lines
          .filter(
              l ->
                  l.contains("Data Grid Instance Removed")
                      || l.contains("Restoring Timers")
                      || l.contains(killed + " left the data grid")
                      || l.contains("Removing Member"))
          .toList();
    }
  }
}
