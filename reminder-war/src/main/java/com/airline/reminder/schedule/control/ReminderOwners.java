package com.airline.reminder.schedule.control;

import com.airline.reminder.schedule.control.ReminderStore.Due;
import com.airline.reminder.schedule.entity.Reminder;
import com.airline.reminder.schedule.entity.ReminderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * Which reminder instance holds the timer of each armed reminder (timer_owner), and the handing
 * over of a departed instance's reminders to a survivor. The database decides who takes what: of
 * two survivors trying at once, each reminder goes to one.
 */
@ApplicationScoped
public class ReminderOwners {

  @PersistenceContext EntityManager em;

  /** (id, due) of every SCHEDULED reminder whose timer the owner holds, soonest first. */
  @Transactional(TxType.REQUIRES_NEW)
  public List<Object[]> armedBy(String owner) {
    return em.createNamedQuery(Reminder.FIND_ARMED, Object[].class)
        .setParameter("status", ReminderStatus.SCHEDULED)
        .setParameter("owner", owner)
        .getResultList();
  }

  /**
   * The owners of armed SCHEDULED reminders; null stands for the reminders armed before owners were
   * recorded.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public List<String> owners() {
    @SuppressWarnings("unchecked")
    List<String> owners =
        em.createNativeQuery(
                "SELECT DISTINCT timer_owner FROM reminder"
                    + " WHERE status = 'SCHEDULED' AND timer_armed = TRUE")
            .getResultList();
    return owners;
  }

  /**
   * Makes {@code to} the owner of up to max of the armed SCHEDULED reminders of {@code from} (null:
   * those without an owner), in the caller's transaction, which arms their timers; answers them.
   * Rows locked by another survivor taking them at this moment are left to it.
   */
  @Transactional(TxType.MANDATORY)
  public List<Due> adopt(String from, String to, int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, due_at FROM reminder WHERE status = 'SCHEDULED' AND timer_armed = TRUE"
                    + " AND timer_owner <=> ?1 ORDER BY due_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
            .setParameter(1, from)
            .setParameter(2, max)
            .getResultList();
    if (!rows.isEmpty()) {
      // JPQL: a native query binds a list as one (serialized) value, not as a list of ids
      em.createQuery("UPDATE Reminder r SET r.timerOwner = :owner WHERE r.id IN :ids")
          .setParameter("owner", to)
          .setParameter("ids", rows.stream().map(row -> ((Number) row[0]).longValue()).toList())
          .executeUpdate();
    }
    return rows.stream()
        .map(row -> new Due(((Number) row[0]).longValue(), ReminderStore.instant(row[1])))
        .toList();
  }
}
