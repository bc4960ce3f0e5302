package com.airline.reminder.schedule.boundary;

import com.airline.reminder.ReminderStartup;
import com.airline.reminder.schedule.control.Dispatch;
import com.airline.reminder.schedule.control.ReminderStore;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Timers armed again where they went missing: at start, and every minute for what was missed.
 * Timers are created in a transaction, as Micro requires ("transaction = null in getContainerSynch"
 * without one).
 */
@Stateless
public class ReminderRecovery {

  private static final Logger LOG = Logger.getLogger(ReminderRecovery.class.getName());

  /** A reminder this late has lost its timer (timers fire within a second of their time). */
  private static final Duration LOST = Duration.ofMinutes(1);

  /** Longer than any SMTP exchange can take with the mail session's timeouts. */
  private static final Duration INTERRUPTED = Duration.ofMinutes(2);

  @Inject
  @ConfigProperty(name = "reminder.timers.horizon")
  Duration horizon;

  @Inject ReminderTimers timers;
  @Inject ReminderStore store;
  @Inject Dispatch dispatch;
  @Inject ReminderStartup startup;

  /**
   * Arms a timer for every SCHEDULED reminder that has none: the data grid keeps timers only while
   * a member of the cluster runs. One that fell due meanwhile fires at once.
   */
  public void rearm() {
    Set<Long> armed = timers.armed();
    int rearmed = 0;
    for (Object[] row : store.armed()) {
      long id = ((Number) row[0]).longValue();
      if (!armed.contains(id)) {
        timers.arm(id, (Instant) row[1]);
        rearmed++;
      }
    }
    int interrupted = store.abandonInterrupted(Instant.now().minus(INTERRUPTED));
    int count = rearmed;
    LOG.info(
        () ->
            "Timers re-armed for "
                + count
                + " scheduled reminders ("
                + armed.size()
                + " still armed); "
                + interrupted
                + " interrupted while sending marked FAILED");
  }

  /**
   * Every minute: the safety net, which sends a reminder whose timer was lost (overdue by a minute)
   * and fails one left SENDING by a crash (normally none); then arms the timers of reminders that
   * came within the horizon. In that order: arming's locking read holds the rows it scanned (and
   * the index entries after them) until this transaction ends, and the safety net's steps, each
   * committing on its own connection, waited for them until the lock wait timeout, every minute.
   */
  @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
  void sweep() {
    if (!startup.ready()) {
      return;
    }
    Instant now = Instant.now();
    for (long id : store.overdue(now.minus(LOST), 100)) {
      LOG.warning(() -> "Reminder " + id + " lost its timer; sending it now");
      dispatch.send(id).ifPresent(retryAt -> timers.arm(id, retryAt));
    }
    store.abandonInterrupted(now.minus(INTERRUPTED));
    for (ReminderStore.Due due : store.arming(now.plus(horizon), 10_000)) {
      timers.arm(due.id(), due.at());
    }
  }
}
