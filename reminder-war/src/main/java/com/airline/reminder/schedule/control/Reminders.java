package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.BookingDetails;
import com.airline.reminder.schedule.entity.Reminder;
import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.schedule.entity.ReminderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/** Turns booking events into reminder rows, in the consuming transaction. */
@ApplicationScoped
public class Reminders {

  private static final List<ReminderKind> FOR_A_BOOKING =
      List.of(ReminderKind.CONFIRMATION, ReminderKind.T24H, ReminderKind.T2H);

  @PersistenceContext EntityManager em;
  @Inject ReminderMembers members;

  /** Reminders due within this get their timer at once; later ones from the minute sweep. */
  @Inject
  @ConfigProperty(name = "reminder.timers.horizon")
  Duration horizon;

  @Inject
  @Metric(name = "reminders-scheduled", absolute = true)
  Counter scheduled;

  @Inject
  @Metric(name = "reminders-skipped", absolute = true)
  Counter skipped;

  /**
   * Notes the event as consumed; false when it was consumed before (same eventId). The time comes
   * from the database, to the microsecond (the driver would drop fractions), for bench/reminder.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstDelivery(BookingEvent event) {
    return em.createNativeQuery(
                "INSERT IGNORE INTO processed_event (event_id, type, booking_reference, received_at)"
                    + " VALUES (?1, ?2, ?3, UTC_TIMESTAMP(6))")
            .setParameter(1, event.eventId())
            .setParameter(2, event.type())
            .setParameter(3, event.booking().reference())
            .executeUpdate()
        == 1;
  }

  /**
   * Writes the booking's reminders that do not exist yet and answers those to arm a timer for. A
   * reminder already due is SKIPPED; after a cancellation (events may arrive out of order) every
   * one is CANCELLED.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Reminder> schedule(BookingDetails booking, Instant now) {
    lock(booking.reference());
    Set<ReminderKind> existing = kinds(booking.reference());
    boolean cancelled = existing.contains(ReminderKind.CANCELLATION);
    boolean departed = !booking.departureTime().isAfter(now);
    List<Reminder> toArm = new ArrayList<>();
    for (ReminderKind kind : FOR_A_BOOKING) {
      if (existing.contains(kind)) {
        continue;
      }
      Instant due = kind.dueAt(booking.departureTime(), now);
      ReminderStatus status;
      if (cancelled) {
        status = ReminderStatus.CANCELLED;
      } else if (departed || (kind.beforeDeparture() && !due.isAfter(now))) {
        status = ReminderStatus.SKIPPED;
        skipped.inc();
      } else {
        status = ReminderStatus.SCHEDULED;
        scheduled.inc();
      }
      Reminder reminder = new Reminder(booking, kind, due, status, now);
      if (status == ReminderStatus.SCHEDULED && due.isBefore(now.plus(horizon))) {
        reminder.timerArmed(members.self());
        toArm.add(reminder);
      }
      em.persist(reminder);
    }
    em.flush(); // assigns the ids the timers carry
    return toArm;
  }

  /**
   * Cancels the booking's pending reminders and writes its cancellation mail. Answers the ids
   * cancelled (their timers can go) and the cancellation mail to arm, if it is new.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Cancellation cancel(BookingDetails booking, Instant now) {
    lock(booking.reference());
    List<Long> pending =
        em.createQuery(
                "SELECT r.id FROM Reminder r WHERE r.bookingReference = :reference"
                    + " AND r.status = :scheduled AND r.kind <> :cancellation",
                Long.class)
            .setParameter("reference", booking.reference())
            .setParameter("scheduled", ReminderStatus.SCHEDULED)
            .setParameter("cancellation", ReminderKind.CANCELLATION)
            .getResultList();
    if (!pending.isEmpty()) {
      // only rows still SCHEDULED: one a timer claimed meanwhile is being sent
      em.createQuery(
              "UPDATE Reminder r SET r.status = :cancelled WHERE r.id IN :ids"
                  + " AND r.status = :scheduled")
          .setParameter("cancelled", ReminderStatus.CANCELLED)
          .setParameter("ids", pending)
          .setParameter("scheduled", ReminderStatus.SCHEDULED)
          .executeUpdate();
    }
    Reminder mail = null;
    if (!kinds(booking.reference()).contains(ReminderKind.CANCELLATION)) {
      mail = new Reminder(booking, ReminderKind.CANCELLATION, now, ReminderStatus.SCHEDULED, now);
      mail.timerArmed(members.self());
      em.persist(mail);
      em.flush();
      scheduled.inc();
    }
    return new Cancellation(pending, mail);
  }

  public record Cancellation(List<Long> cancelled, Reminder mail) {}

  /**
   * Holds the booking's lock row until the transaction ends: the other events of the booking wait,
   * then read what this one wrote (their snapshot starts with their first read, after the lock).
   */
  private void lock(String reference) {
    em.createNativeQuery(
            "INSERT INTO booking_lock (booking_reference) VALUES (?1)"
                + " ON DUPLICATE KEY UPDATE booking_reference = booking_reference")
        .setParameter(1, reference)
        .executeUpdate();
  }

  /** The kinds the booking already has a reminder of. */
  private Set<ReminderKind> kinds(String reference) {
    return em.createQuery(
            "SELECT r.kind FROM Reminder r WHERE r.bookingReference = :reference",
            ReminderKind.class)
        .setParameter("reference", reference)
        .getResultStream()
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReminderKind.class)));
  }
}
