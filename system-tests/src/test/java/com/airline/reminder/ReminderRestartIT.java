package com.airline.reminder;

import static com.airline.reminder.Reminders.awaitStatus;
import static com.airline.reminder.Reminders.event;
import static com.airline.reminder.Reminders.reference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Broker;
import com.airline.it.Http;
import com.airline.it.Mailbox;
import com.airline.it.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
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
    // due in 40 s: while the service restarts (then sent at start) or after (then on time)
    Instant departure = Instant.now().plus(Duration.ofHours(2).plusSeconds(40));
    Broker.publishEvent(
        "booking.created",
        event("booking.created", UUID.randomUUID().toString(), reference, departure, email));
    awaitStatus(reminders, reference, "CONFIRMATION", "SENT");
    awaitStatus(reminders, reference, "T2H", "SCHEDULED");

    Airline.kill("reminder");
    Airline.start("reminder");

    // however long the restart took: until well after it is due
    Instant due = departure.minus(2, ChronoUnit.HOURS);
    assertEquals(
        "SENT",
        awaitStatus(reminders, reference, "T2H", "SENT", due.plusSeconds(60)).getString("status"));
    Thread.sleep(3_000);
    assertEquals(1, Mailbox.withSubject(email, "leaves in 2 hours").size(), "exactly once");
    assertEquals(1, Mailbox.withSubject(email, "confirmed").size(), "the confirmation not again");
    Instant sentAt =
        Instant.parse(Reminders.byKind(reminders, reference).get("T2H").getString("sentAt"));
    assertFalse(
        sentAt.isBefore(departure.minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)),
        "not before it was due: " + sentAt);
  }

  /**
   * Ready means ready: while the service starts again, its API answers 200 from the moment its
   * /health/ready first answers 200 (never a 500, as it did for seconds after a start), and the
   * launcher says it is started only then.
   */
  @Test
  void restarted_servesTheApiFromTheMomentItSaysItIsReady() throws Exception {
    Http auth = Http.to(Airline.start("auth"));
    Http service = Http.to(Airline.start("reminder"));
    Http reminders = service.as(TestUsers.admin(auth).token());
    String path = "/api/v1/reminders?booking=" + reference();
    assertEquals(200, reminders.get(path).status());

    Airline.kill("reminder");
    AtomicBoolean polling = new AtomicBoolean(true);
    AtomicBoolean ready = new AtomicBoolean();
    List<String> afterReady = Collections.synchronizedList(new ArrayList<>());
    Thread poller =
        new Thread(
            () -> {
              while (polling.get()) {
                try {
                  if (!ready.get()) {
                    ready.set(service.get("/health/ready").status() == 200);
                  } else {
                    Http.Reply reply = reminders.get(path);
                    afterReady.add(reply.status() + " " + reply.body());
                  }
                } catch (IllegalStateException e) {
                  // not listening yet
                }
                sleep(50);
              }
            });
    poller.start();
    try {
      Airline.start("reminder");
      Http.Reply started = reminders.get(path);
      assertEquals(200, started.status(), "once started: " + started);
      sleep(5_000); // the 500s came for up to 4 s after the first ready
    } finally {
      polling.set(false);
      poller.join();
    }
    assertTrue(ready.get(), "never seen ready");
    assertFalse(afterReady.isEmpty(), "never asked after ready");
    assertEquals(
        List.of(),
        afterReady.stream().filter(reply -> !reply.startsWith("200 ")).toList(),
        "answers after /health/ready said 200");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
