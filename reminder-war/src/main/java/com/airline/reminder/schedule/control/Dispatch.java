package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.Reminder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.annotation.Metric;

/** What a due timer does: claim the reminder, mail it, record the outcome. */
@ApplicationScoped
public class Dispatch {

  private static final Logger LOG = Logger.getLogger(Dispatch.class.getName());

  @Inject ReminderStore store;
  @Inject Mailer mailer;

  @Inject
  @Metric(name = "reminders-sent", absolute = true)
  Counter sent;

  @Inject
  @Metric(
      name = "reminder-lag-ms",
      absolute = true,
      description = "from a reminder's due time to its mail being accepted by the SMTP server")
  Histogram lag;

  /** Sends the reminder if this call wins its claim; answers when to try again after a failure. */
  public Optional<Instant> send(long id) {
    Optional<Reminder> claimed = store.claim(id, Instant.now());
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Reminder reminder = claimed.get();
    try {
      mailer.send(reminder);
    } catch (Exception e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      Optional<Instant> retryAt = store.failed(id, error, Instant.now());
      LOG.warning(
          () ->
              reminder.getKind()
                  + " mail of booking "
                  + reminder.getBookingReference()
                  + " not sent (attempt "
                  + reminder.getAttempts()
                  + "), "
                  + retryAt.map(at -> "next attempt at " + at).orElse("given up")
                  + ": "
                  + error);
      return retryAt;
    }
    store.sent(id);
    sent.inc();
    lag.update(Math.max(0, Duration.between(reminder.getDueAt(), Instant.now()).toMillis()));
    return Optional.empty();
  }
}
