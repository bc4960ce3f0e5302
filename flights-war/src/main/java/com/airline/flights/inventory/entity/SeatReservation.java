package com.airline.flights.inventory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The seats one booking holds on one flight; RELEASED rows stay, so a late retry cannot take them
 * again.
 */
@Entity
@Table(name = "seat_reservation")
@IdClass(SeatReservation.Key.class)
public class SeatReservation {

  public enum Status {
    HELD,
    RELEASED
  }

  public record Key(Long flightId, String bookingReference) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Column(name = "flight_id")
  private Long flightId;

  @Id
  @Column(name = "booking_reference")
  private String bookingReference;

  @Column(name = "seats", nullable = false)
  private int seats;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected SeatReservation() {}

  /**
   * A release that came before (or instead of) its reservation. HELD rows are written by
   * SeatInventory, in plain JDBC.
   */
  public static SeatReservation releasedUnheld(long flightId, String bookingReference) {
    SeatReservation released = new SeatReservation();
    released.flightId = flightId;
    released.bookingReference = bookingReference;
    released.status = Status.RELEASED;
    released.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    released.releasedAt = released.createdAt;
    return released;
  }

  /** Answers the seats to give back: all of them the first time, none after. */
  public int release() {
    if (status == Status.RELEASED) {
      return 0;
    }
    status = Status.RELEASED;
    releasedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return seats;
  }
}
