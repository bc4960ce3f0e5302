package com.airline.reminder.schedule.boundary;

import com.airline.reminder.ReminderStartup;
import com.airline.reminder.schedule.control.Dispatch;
import com.airline.reminder.schedule.control.MailThreads;
import com.airline.reminder.schedule.control.ReminderStore;
import com.airline.reminder.schedule.entity.Reminder;
import jakarta.annotation.Resource;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One persistent single-action EJB timer per SCHEDULED reminder due within the horizon (an hour;
 * the minute sweep arms the others as they come within it), its info the reminder's id, held by the
 * instance that armed it (ReminderRecovery arms timers anew for the reminders of one that is gone).
 * The row is the truth: a timer only says "look at reminder N now", and the claim decides.
 */
@Stateless
public class ReminderTimers {

  private static final Logger LOG = Logger.getLogger(ReminderTimers.class.getName());

  private static final int FORGET_BATCH = 1_000;
  private static final int FORGET_RUNS = 10;

  @Resource TimerService timerService;
  @Resource TransactionSynchronizationRegistry transactions;
  @Inject ReminderTimers self;

  @Inject
  @ConfigProperty(name = "reminder.processed-events.retention")
  Duration eventRetention;

  @Inject Dispatch dispatch;
  @Inject MailThreads mailThreads;
  @Inject ReminderStore store;
  @Inject ReminderStartup startup;

  /**
   * Arms the reminder's timer, in the caller's transaction: no row, no timer. One due already (a
   * confirmation, a cancellation) needs none: it is sent as soon as that transaction commits, which
   * spares the timer store a write and a read per booking. Should the process die first, another
   * instance takes it over (ReminderRecovery).
   */
  public void arm(Reminder reminder) {
    long id = reminder.getId();
    if (reminder.getDueAt().isAfter(Instant.now())) {
      arm(id, reminder.getDueAt());
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              mailThreads.execute(() -> dispatch.send(id).ifPresent(at -> self.arm(id, at)));
            }
          }
        });
  }

  /**
   * Arms the reminder's timer for its due time (at once if past), in the caller's transaction or,
   * for the next attempt after a failed one, in one of its own.
   */
  public void arm(long id, Instant due) {
    Instant at = due.isBefore(Instant.now()) ? Instant.now() : due;
    timerService.createSingleActionTimer(Date.from(at), new TimerConfig(id, true));
  }

  /**
   * The ids of the reminders with a timer of this bean in the data grid, on any instance: the
   * instances share the bean's container id, which Payara's timer store answers by.
   */
  public Set<Long> armed() {
    Set<Long> armed = new HashSet<>();
    for (Timer timer : timerService.getTimers()) {
      try {
        if (timer.getInfo() instanceof Long id) { // not the schedules' timers
          armed.add(id);
        }
      } catch (NoSuchObjectLocalException e) {
        // gone meanwhile
      }
    }
    return armed;
  }

  public void cancel(Collection<Long> reminderIds) {
    if (reminderIds.isEmpty()) {
      return;
    }
    for (Timer timer : timerService.getTimers()) {
      try {
        if (reminderIds.contains(timer.getInfo())) {
          timer.cancel();
        }
      } catch (NoSuchObjectLocalException e) {
        // fired or cancelled meanwhile
      }
    }
  }

  /**
   * In the container's transaction: Payara's timer store removes a fired persistent timer, and
   * creates the retry's, in it (with NOT_SUPPORTED it fails with "transaction = null in
   * getContainerSynch"). The reminder's own steps commit on their own (ReminderStore), so this
   * transaction holds no rows.
   */
  @Timeout
  void due(Timer timer) {
    long id = (Long) timer.getInfo();
    dispatch.send(id).ifPresent(retryAt -> arm(id, retryAt));
  }

  /**
   * Every 10 s: forgets events consumed longer than reminder.processed-events.retention ago, a
   * bounded number per run so that a large backlog is worked off in steps.
   */
  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void forgetOldEvents() {
    if (!startup.ready()) {
      return;
    }
    try {
      Instant before = Instant.now().minus(eventRetention);
      for (int run = 0;
          run < FORGET_RUNS && store.forgetEvents(before, FORGET_BATCH) == FORGET_BATCH;
          run++) {
        // a full batch: more may be waiting
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "Forgetting old events failed, next in 10 s: " + e);
    }
  }
}
