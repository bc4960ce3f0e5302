package com.airline.booking.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "outbox_event")
@NamedQuery(
    name = OutboxEvent.UNPUBLISHED,
    query = "select e from OutboxEvent e where e.publishedAt is null order by e.id")
@NamedQuery(
    name = OutboxEvent.COUNT_UNPUBLISHED,
    query = "select count(e) from OutboxEvent e where e.publishedAt is null")
public class OutboxEvent {

  public static final String UNPUBLISHED = "OutboxEvent.unpublished";
  public static final String COUNT_UNPUBLISHED = "OutboxEvent.countUnpublished";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  /** booking.created or booking.cancelled */
  @Column(name = "type", nullable = false)
  private String type;

  /** The event as JSON, exactly as published. */
  @Column(name = "payload", nullable = false)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  protected OutboxEvent() {}

  public OutboxEvent(String eventId, String type, String payload, Instant createdAt) {
    this.eventId = eventId;
    this.type = type;
    this.payload = payload;
    this.createdAt = createdAt.truncatedTo(ChronoUnit.SECONDS);
  }

  public void published() {
    publishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    attempts++;
    lastError = null;
  }

  public void failed(String error) {
    attempts++;
    lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
  }

  public String getEventId() {
    return eventId;
  }

  public String getType() {
    return type;
  }

  public String getPayload() {
    return payload;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
