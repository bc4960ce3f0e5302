package com.airline.reminder.schedule.control;

/** A message that no retry can make readable: it ends in the dead-letter queue. */
public class MalformedEventException extends RuntimeException {

  public MalformedEventException(String message) {
    super(message);
  }
}
