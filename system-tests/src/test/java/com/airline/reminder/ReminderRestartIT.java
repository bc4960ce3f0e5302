package com.airline.reminder;

import static com.airline.reminder.Reminders.awaitStatus;
import static com.airline.reminder.Reminders.event;
import static com.airline.reminder.Reminders.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.airline.it.Airline;
import com.airline.it.Broker;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Persistent timers live in Payara Micro's data grid, which a single instance loses when it dies:
 * the rows are the truth and the service re-arms their timers when it starts again.
 */
class ReminderRestartIT {

  @Test
  void killedBetweenSchedulingAndDueTime_stillSendsTheMailExactlyOnce() throws Exception {
    Mailbox.start();
    Http auth = Http.to(Airline.start("auth"));
    Http reminders = Http.to(Airline.start("reminder")).as(TestUsers.admin(auth).token());
    String reference = reference();
    String email = TestUsers.uniqueEmail("restart");
    // due in 75 s: while the service restarts (then sent at start) or soon after (then on time)
    Instant departure = Instant.now().plus(Duration.ofHours(2).plusSeconds(75));
    Broker.publishEvent(
        "booking.created",
        event("booking.created", UUID.randomUUID().toString(), reference, departure, email));
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    awaitStatus(reminders, reference, "T2H", "SCHEDULED");

    Airline.kill("reminder");
    Airline.start("reminder");

    assertEquals("SENT", awaitStatus(reminders, reference, "T2H", "SENT").getString("status"));
    Thread.sleep(3_000);
    assertEquals(1, Mailbox.withSubject(email, "leaves in 2 hours").size(), "exactly once");
    assertEquals(1, Mailbox.withSubject(email, "confirmed").size(), "the confirmation not again");
    Instant sentAt =
        Instant.parse(Reminders.byKind(reminders, reference).get("T2H").getString("sentAt"));
    assertFalse(
        sentAt.isBefore(departure.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)),
        "not before it was due: " + sentAt);
  }
}
