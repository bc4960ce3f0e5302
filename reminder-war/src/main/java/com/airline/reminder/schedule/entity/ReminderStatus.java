package com.airline.reminder.schedule.entity;

public enum ReminderStatus {
  /** Waiting for its due time (a timer is armed). */
  SCHEDULED,
  /** Claimed by one timer, which is mailing it now. */
  SENDING,
  SENT,
  /** Given up after the last retry, or interrupted while sending (never sent twice). */
  FAILED,
  CANCELLED,
  /** Already due when the booking arrived, or the departure passed before it could be sent. */
  SKIPPED
}
