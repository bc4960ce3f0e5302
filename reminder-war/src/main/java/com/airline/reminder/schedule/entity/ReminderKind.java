package com.airline.reminder.schedule.entity;

import java.time.Duration;
import java.time.Instant;

/** What a mail is for, and when it is due relative to the departure. */
public enum ReminderKind {
  /** Sent when the booking event arrives. */
  CONFIRMATION(null),
  T24H(Duration.ofHours(24)),
  T2H(Duration.ofHours(2)),
  /** Sent when the cancellation event arrives. */
  CANCELLATION(null);

  private final Duration beforeDeparture;

  ReminderKind(Duration beforeDeparture) {
    this.beforeDeparture = beforeDeparture;
  }

  /** True for T24H and T2H: skipped when the booking arrives after they fell due. */
  public boolean beforeDeparture() {
    return beforeDeparture != null;
  }

  /** Every mail but the cancellation's is pointless once the flight has left. */
  public boolean uselessAfterDeparture() {
    return this != CANCELLATION;
  }

  public Instant dueAt(Instant departure, Instant now) {
    return beforeDeparture == null ? now : departure.minus(beforeDeparture);
  }
}
