package com.airline.booking.checkout.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The first booking made with a user's Idempotency-Key, and the status it was answered with. */
@Entity
@Table(name = "idempotency_key")
@NamedQuery(
    name = IdempotencyKey.FOR_BOOKING,
    query = "select k from IdempotencyKey k where k.bookingReference = :reference")
@IdClass(IdempotencyKey.Id.class)
public class IdempotencyKey {

  public static final String FOR_BOOKING = "IdempotencyKey.forBooking";

  public record Id(String userId, String idempotencyKey) implements Serializable {
    public Id() {
      this(null, null);
    }
  }

  @jakarta.persistence.Id
  @Column(name = "user_id")
  private String userId;

  @jakarta.persistence.Id
  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Column(name = "booking_reference", nullable = false)
  private String bookingReference;

  /** Null while the first request is still under way or its outcome is unknown. */
  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected IdempotencyKey() {}

  public IdempotencyKey(String userId, String key, String bookingReference) {
    this.userId = userId;
    this.idempotencyKey = key;
    this.bookingReference = bookingReference;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public void answered(int status) {
    this.responseStatus = status;
  }

  public String getBookingReference() {
    return bookingReference;
  }

  public Integer getResponseStatus() {
    return responseStatus;
  }
}
