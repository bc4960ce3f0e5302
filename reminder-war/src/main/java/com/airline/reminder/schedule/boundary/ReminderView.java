package com.airline.reminder.schedule.boundary;

import com.airline.reminder.schedule.entity.Reminder;
import com.airline.reminder.schedule.entity.ReminderKind;
import com.airline.reminder.schedule.entity.ReminderStatus;
import java.time.Instant;

/** A reminder as API.md shows it, plus the last error for support. */
public record ReminderView(
    String bookingReference,
    ReminderKind kind,
    Instant dueAt,
    ReminderStatus status,
    int attempts,
    Instant sentAt,
    String lastError) {

  public static ReminderView from(Reminder r) {
    return new ReminderView(
        r.getBookingReference(),
        r.getKind(),
        r.getDueAt(),
        r.getStatus(),
        r.getAttempts(),
        r.getSentAt(),
        r.getLastError());
  }
}
