package com.airline.reminder;

import com.airline.chassis.health.ServiceStartup;
import com.airline.reminder.schedule.boundary.ReminderRecovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.Readiness;

/**
 * Migrates the schema, then re-arms the timers a full stop lost. Messages and {@code @Schedule}
 * timers can arrive before this ran (Payara starts them first), so they wait for it.
 */
@Readiness
@Default
@ApplicationScoped
public class ReminderStartup extends ServiceStartup {

  private static final Logger LOG = Logger.getLogger(ReminderStartup.class.getName());

  @Inject ReminderRecovery recovery;

  @Override
  protected void start() {
    try {
      recovery.rearm();
    } catch (RuntimeException e) {
      // the application still starts: the minute sweep sends what lost its timer
      LOG.log(Level.SEVERE, "Re-arming the reminder timers failed", e);
    }
  }
}
