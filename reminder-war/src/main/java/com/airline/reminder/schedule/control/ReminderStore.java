package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.entity.Reminder;
import com.airline.reminder.schedule.entity.ReminderKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * The status changes of a reminder, each its own short transaction and each a conditional update,
 * so that of two timers (a re-armed one and a surviving one, or two instances) only one acts.
 */
@ApplicationScoped
public class ReminderStore {

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/airline")
  DataSource db;

  /** Waits before the 2nd, 3rd... attempt after an SMTP failure; then FAILED. */
  @Inject
  @ConfigProperty(name = "reminder.mail.retry-delays")
  List<Duration> retryDelays;

  @Inject ReminderMembers members;

  @Inject
  @Metric(name = "reminders-skipped", absolute = true)
  Counter skipped;

  @Inject
  @Metric(name = "reminders-failed", absolute = true)
  Counter failed;

  /**
   * SCHEDULED to SENDING, if this caller is first; answers the row to mail. A mail about a flight
   * that has left is SKIPPED instead. Committed at once whatever the caller's transaction (a timer
   * runs in one): the claim must stand before the mail goes out.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<Reminder> claim(long id, Instant now) {
    int claimed =
        update(
            "UPDATE reminder SET status = 'SENDING', attempts = attempts + 1, claimed_at = ?"
                + " WHERE id = ? AND status = 'SCHEDULED'",
            Timestamp.from(now),
            id);
    if (claimed == 0) {
      return Optional.empty(); // sent, cancelled or claimed by another timer
    }
    Reminder reminder = em.find(Reminder.class, id);
    if (reminder.getKind().uselessAfterDeparture() && !reminder.getDepartureTime().isAfter(now)) {
      update(
          "UPDATE reminder SET status = 'SKIPPED', last_error = ? WHERE id = ?",
          "the flight left before the mail could be sent",
          id);
      skipped.inc();
      return Optional.empty();
    }
    return Optional.of(reminder);
  }

  /** SENDING to SENT; the time from the database, to the microsecond (see bench/reminder). */
  @Transactional(TxType.NOT_SUPPORTED)
  public void sent(long id) {
    update(
        "UPDATE reminder SET status = 'SENT', sent_at = UTC_TIMESTAMP(6), last_error = NULL"
            + " WHERE id = ? AND status = 'SENDING'",
        id);
  }

  /**
   * Back to SCHEDULED for a later attempt, answering when; or FAILED after the last one. The mail
   * was not accepted, so trying again cannot send it twice. The attempt's timer is this instance's.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Instant> failed(long id, String error, Instant now) {
    Reminder reminder = em.find(Reminder.class, id);
    String kept = error.length() > 500 ? error.substring(0, 500) : error;
    int attempts = reminder.getAttempts();
    if (attempts > retryDelays.size()) {
      set(id, "FAILED", kept);
      failed.inc();
      return Optional.empty();
    }
    if (reminder.getKind() != ReminderKind.CANCELLATION && cancelled(reminder)) {
      set(id, "CANCELLED", kept); // the booking was cancelled while this mail was being sent
      return Optional.empty();
    }
    Instant retryAt = now.plus(retryDelays.get(attempts - 1)).truncatedTo(ChronoUnit.SECONDS);
    em.createNativeQuery(
            "UPDATE reminder SET status = 'SCHEDULED', due_at = ?1, last_error = ?2,"
                + " timer_owner = ?4 WHERE id = ?3 AND status = 'SENDING'")
        .setParameter(1, Timestamp.from(retryAt))
        .setParameter(2, kept)
        .setParameter(3, id)
        .setParameter(4, members.self())
        .executeUpdate();
    return Optional.of(retryAt);
  }

  private boolean cancelled(Reminder reminder) {
    return !em.createQuery(
            "SELECT r.id FROM Reminder r WHERE r.bookingReference = :reference AND r.kind = :kind",
            Long.class)
        .setParameter("reference", reminder.getBookingReference())
        .setParameter("kind", ReminderKind.CANCELLATION)
        .getResultList()
        .isEmpty();
  }

  /**
   * (id, due) of SCHEDULED reminders without a timer that fall due before the given time, marked
   * armed by this instance in the caller's transaction, which arms their timers.
   */
  @Transactional(TxType.MANDATORY)
  public List<Due> arming(Instant dueBefore, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, due_at FROM reminder WHERE status = 'SCHEDULED' AND timer_armed = FALSE"
                    + " AND due_at < ?1 ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
            .setParameter(1, Timestamp.from(dueBefore))
            .setParameter(2, max)
            .getResultList();
    if (!rows.isEmpty()) {
      // JPQL: a native query binds a list as one (serialized) value, not as a list of ids
      em.createQuery(
              "UPDATE Reminder r SET r.timerArmed = TRUE, r.timerOwner = :owner WHERE r.id IN :ids")
          .setParameter("owner", members.self())
          .setParameter("ids", rows.stream().map(row -> ((Number) row[0]).longValue()).toList())
          .executeUpdate();
    }
    return rows.stream()
        .map(row -> new Due(((Number) row[0]).longValue(), instant(row[1])))
        .toList();
  }

  public record Due(long id, Instant at) {}

  // the driver answers DATETIME as LocalDateTime or Timestamp, depending on its settings; both UTC
  static Instant instant(Object datetime) {
    return datetime instanceof LocalDateTime local
        ? local.toInstant(ZoneOffset.UTC)
        : ((Timestamp) datetime).toInstant();
  }

  /** Ids of SCHEDULED reminders due before the given time, oldest first. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Long> overdue(Instant dueBefore, int max) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT id FROM reminder WHERE status = 'SCHEDULED' AND timer_armed = TRUE"
                    + " AND due_at < ?1"
                    + " ORDER BY due_at LIMIT ?2")
            .setParameter(1, Timestamp.from(dueBefore))
            .setParameter(2, max)
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  /**
   * A reminder left SENDING by a crash may or may not have been mailed: it becomes FAILED rather
   * than risk a second mail. Answers how many.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int abandonInterrupted(Instant claimedBefore) {
    int abandoned =
        em.createNativeQuery(
                "UPDATE reminder SET status = 'FAILED',"
                    + " last_error = 'interrupted while sending; not sent again to never send twice'"
                    + " WHERE status = 'SENDING' AND claimed_at < ?1")
            .setParameter(1, Timestamp.from(claimedBefore))
            .executeUpdate();
    failed.inc(abandoned);
    return abandoned;
  }

  private void set(long id, String status, String error) {
    em.createNativeQuery("UPDATE reminder SET status = ?1, last_error = ?2 WHERE id = ?3")
        .setParameter(1, status)
        .setParameter(2, error)
        .setParameter(3, id)
        .executeUpdate();
  }

  /**
   * Forgets up to max events consumed before the given time: a redelivery of one of them would be
   * consumed again (its reminders, already written, are not written twice). One autocommitted
   * statement at READ COMMITTED: at REPEATABLE READ its range scan would lock the gap that new
   * events' rows go into.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public int forgetEvents(Instant receivedBefore, int max) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(true);
      int isolation = c.getTransactionIsolation();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (PreparedStatement delete =
          c.prepareStatement(
              "DELETE FROM processed_event WHERE received_at < ? ORDER BY received_at LIMIT ?")) {
        delete.setTimestamp(1, Timestamp.from(receivedBefore));
        delete.setInt(2, max);
        return delete.executeUpdate();
      } finally {
        c.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The reminder database failed", e);
    }
  }

  /**
   * One statement on a connection of its own, committed on its own: a JTA transaction around it
   * would cost three more round trips (SET autocommit, COMMIT, SET autocommit) and more CPU than
   * the statement. These run for every mail.
   */
  private int update(String sql, Object... parameters) {
    try (Connection c = db.getConnection();
        PreparedStatement statement = c.prepareStatement(sql)) {
      if (!c.getAutoCommit()) { // known on the client (useLocalSessionState): no round trip
        c.setAutoCommit(true);
      }
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("The reminder database failed", e);
    }
  }
}
