package com.airline.booking.checkout.control;

import com.airline.booking.checkout.entity.Booking;
import com.airline.booking.checkout.entity.IdempotencyKey;
import com.airline.booking.events.control.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The booking's state changes, each its own short transaction: the calls to flights happen between
 * them, never inside one, so no database lock is held while waiting on the network.
 */
@ApplicationScoped
public class BookingStore {

  @PersistenceContext EntityManager em;
  @Inject Outbox outbox;

  /** Flights refused the seats: nothing is held. */
  @Transactional(TxType.REQUIRES_NEW)
  public Booking refused(String reference, String reason, int status) {
    Booking booking = find(reference).orElseThrow();
    booking.cancel(reason, false);
    answered(reference, status);
    return booking;
  }

  /**
   * Cancelled by its owner or an admin; the seats are given back right after, or by the settlement.
   * Empty when a concurrent request cancelled it first: the row is locked, so of two cancels one
   * does the work and the other finds it done.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Booking> cancel(String reference, String reason) {
    Booking booking = em.find(Booking.class, reference, LockModeType.PESSIMISTIC_WRITE);
    if (booking.getStatus() == Booking.Status.CANCELLED) {
      return Optional.empty();
    }
    boolean wasConfirmed = booking.getStatus() == Booking.Status.CONFIRMED;
    booking.cancel(reason, true);
    if (wasConfirmed) {
      outbox.add(Outbox.CANCELLED, booking);
    }
    return Optional.of(booking);
  }

  /**
   * A booking whose outcome stayed unknown is given up: CANCELLED with its seats to be given back
   * (by the caller, else the next settlement), and its Idempotency-Key forgotten, so that the
   * client's retry with that key books anew instead of finding a dead booking. False when the
   * booking left PENDING meanwhile: a reservation that answered late confirmed it, and it stays
   * confirmed. The row lock orders this against that confirmation.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean abandon(String reference) {
    Booking booking = em.find(Booking.class, reference, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || booking.getStatus() != Booking.Status.PENDING) {
      return false;
    }
    booking.cancel("Flights could not be reached; no seats were kept.", true);
    em.createNamedQuery(IdempotencyKey.FOR_BOOKING, IdempotencyKey.class)
        .setParameter("reference", reference)
        .getResultList()
        .forEach(em::remove);
    return true;
  }

  /**
   * Notes that flights gave the seats back. One statement, not a versioned update: a cancel's own
   * release and the settlement's may both get here, and marking it twice is the same as once.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public void seatsReleased(String reference) {
    em.createNamedQuery(Booking.SEATS_RELEASED)
        .setParameter("reference", reference)
        .executeUpdate();
  }

  /**
   * PENDING since before {@code before}, or CANCELLED before then with seats still held in flights
   * (a fresh cancellation gives them back itself).
   */
  public List<Booking> toSettle(Instant before, int max) {
    return em.createNamedQuery(Booking.TO_SETTLE, Booking.class)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  public Optional<Booking> find(String reference) {
    return Optional.ofNullable(em.find(Booking.class, reference));
  }

  public Optional<IdempotencyKey> key(String userId, String key) {
    return Optional.ofNullable(em.find(IdempotencyKey.class, new IdempotencyKey.Id(userId, key)));
  }

  private void answered(String reference, int status) {
    em.createNamedQuery(IdempotencyKey.FOR_BOOKING, IdempotencyKey.class)
        .setParameter("reference", reference)
        .getResultList()
        .forEach(k -> k.answered(status));
  }
}
