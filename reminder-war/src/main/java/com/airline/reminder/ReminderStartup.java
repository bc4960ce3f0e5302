package com.airline.reminder;

import com.airline.chassis.health.ServiceStartup;
import com.airline.reminder.schedule.boundary.ReminderRecovery;
import com.airline.reminder.schedule.boundary.Takeover;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.Readiness;

/**
 * Migrates the schema, watches the data grid for reminder instances that leave it, then re-arms the
 * timers a full stop lost and takes over those of instances that are gone. Messages and
 * {@code @Schedule} timers can arrive before this ran (Payara starts them first), so they wait for
 * it.
 */
@Readiness
@Default
@ApplicationScoped
public class ReminderStartup extends ServiceStartup {

  private static final Logger LOG = Logger.getLogger(ReminderStartup.class.getName());

  @Inject Takeover takeover;
  @Inject ReminderRecovery recovery;

  @Override
  protected void start() {
    // the application still starts when these fail: the minute sweep sends what lost its timer
    try {
      takeover.start(); // first: an instance that leaves during the re-arming is not missed
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Watching the data grid failed", e);
    }
    try {
      recovery.rearm();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Re-arming the reminder timers failed", e);
    }
  }
}
