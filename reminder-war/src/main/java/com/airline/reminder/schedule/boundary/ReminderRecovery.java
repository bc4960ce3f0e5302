package com.airline.reminder.schedule.boundary;

import com.airline.reminder.ReminderStartup;
import com.airline.reminder.schedule.control.Dispatch;
import com.airline.reminder.schedule.control.ReminderMembers;
import com.airline.reminder.schedule.control.ReminderOwners;
import com.airline.reminder.schedule.control.ReminderStore;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Timers armed again where they went missing. At start, this instance's own that it no longer
 * holds. When a reminder instance leaves the data grid, the reminders whose timers it held (a
 * persistent timer fires only on the member whose name it carries), taken over by one survivor at
 * once (Takeover) and by any instance's minute sweep should that be missed. Payara's timer store
 * also moves a departed member's timers to a survivor that runs the application (seen in
 * ReminderFailoverIT); that is not relied on: it needs the bean's container id to be the same on
 * every instance, and the timers are gone with the partitions a grid loses. The database gives each
 * reminder to one instance (ReminderOwners), and the claim before mailing keeps it to one mail,
 * whichever timers fire. Timers are created in a transaction, as Micro requires ("transaction =
 * null in getContainerSynch" without one).
 */
@Stateless
public class ReminderRecovery {

  private static final Logger LOG = Logger.getLogger(ReminderRecovery.class.getName());

  /** A reminder this late has lost its timer (timers fire within a second of their time). */
  private static final Duration LOST = Duration.ofMinutes(1);

  /**
   * Longer than a mail's SMTP exchange on a kept connection can take with the mail session's
   * timeouts (a NOOP and four replies of up to a minute each). A new connection with STARTTLS and
   * AUTH has up to eleven replies: a server slow on each could still be answering when this marks
   * the reminder FAILED (it is never sent again either way).
   */
  private static final Duration INTERRUPTED = Duration.ofMinutes(6);

  /** Reminders taken over per transaction: each one costs a timer, which Micro makes slowly. */
  static final int BATCH = 1_000;

  @Inject
  @ConfigProperty(name = "reminder.timers.horizon")
  Duration horizon;

  /** How often the sweep runs (a minute; the tests' run has seconds). */
  @Inject
  @ConfigProperty(name = "reminder.sweep.every")
  Duration every;

  /** When this instance last swept (the bean is pooled: one value per instance). */
  private static volatile Instant swept = Instant.EPOCH;

  @Inject ReminderTimers timers;
  @Inject ReminderMembers members;
  @Inject ReminderOwners owners;
  @Inject ReminderStore store;
  @Inject Dispatch dispatch;
  @Inject ReminderStartup startup;

  /**
   * At start: arms a timer for each of this instance's SCHEDULED reminders that has none in the
   * grid (the grid keeps timers only while a member runs; those it kept for this instance's name
   * Payara restores here), fails those a crash left SENDING, then takes over the reminders of
   * instances that are not in the grid. One that fell due meanwhile fires at once.
   */
  public void rearm() {
    Set<Long> armed = timers.armed();
    int rearmed = 0;
    for (Object[] row : owners.armedBy(members.self())) {
      long id = ((Number) row[0]).longValue();
      if (!armed.contains(id)) {
        timers.arm(id, (Instant) row[1]);
        rearmed++;
      }
    }
    // before the takeover, whose locking read holds rows until this transaction ends
    int interrupted = store.abandonInterrupted(Instant.now().minus(INTERRUPTED));
    int adopted = adoptOrphans();
    int count = rearmed;
    LOG.info(
        () ->
            "Timers re-armed for "
                + count
                + " scheduled reminders ("
                + armed.size()
                + " still armed), "
                + adopted
                + " taken over from instances not in the grid; "
                + interrupted
                + " interrupted while sending marked FAILED");
  }

  /**
   * Takes over up to BATCH of the reminders whose timers the named instance held (null: reminders
   * armed before owners were recorded) with timers of this instance, in this call's transaction;
   * answers how many it took. None when another instance took them first. Where Payara moved the
   * departed instance's timer here too, two timers fire, and the claim lets one of them mail.
   */
  public int adopt(String from) {
    List<ReminderStore.Due> adopted = owners.adopt(from, members.self(), BATCH);
    adopted.forEach(due -> timers.arm(due.id(), due.at()));
    return adopted.size();
  }

  /** Takes over the reminders of owners that are not in the grid; answers how many. */
  private int adoptOrphans() {
    Set<String> live = members.live();
    int adopted = 0;
    for (String owner : owners.owners()) {
      if (owner == null || !live.contains(owner)) {
        int taken = adopt(owner);
        LOG.info(() -> "Took over " + taken + " reminders of " + owner + ", not in the grid");
        adopted += taken;
      }
    }
    return adopted;
  }

  /**
   * Every minute by default: the safety net, which sends a reminder whose timer was lost (overdue
   * by a minute) and fails one left SENDING by a crash (normally none); then arms the timers of
   * reminders that came within the horizon, and takes over those of instances that left the grid
   * unnoticed. In that order: a locking read (arming's, the takeover's) holds the rows it scanned
   * (and the index entries after them) until this transaction ends, and the safety net's steps,
   * each committing on its own connection, waited for them until the lock wait timeout, every
   * minute.
   */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  void sweep() {
    Instant now = Instant.now();
    if (!startup.ready() || now.isBefore(swept.plus(every).minusMillis(500))) {
      return;
    }
    swept = now;
    for (long id : store.overdue(now.minus(LOST), 100)) {
      LOG.warning(() -> "Reminder " + id + " lost its timer; sending it now");
      dispatch.send(id).ifPresent(retryAt -> timers.arm(id, retryAt));
    }
    store.abandonInterrupted(now.minus(INTERRUPTED));
    for (ReminderStore.Due due : store.arming(now.plus(horizon), 10_000)) {
      timers.arm(due.id(), due.at());
    }
    adoptOrphans();
  }
}
