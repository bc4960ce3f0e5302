package com.airline.reminder.templates.boundary;

import com.airline.reminder.templates.control.MailTemplates;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every 2 s: looks whether a file in the operator's templates folder changed (its listing and the
 * files' times and sizes; a file is read only when it changed). Polling rather than a WatchService:
 * it also notices a folder created, replaced or mounted after the start, and needs no thread.
 */
@Stateless
public class TemplateReloads {

  private static final Logger LOG = Logger.getLogger(TemplateReloads.class.getName());

  @Inject MailTemplates templates;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void look() {
    try {
      templates.refresh();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Looking for changed mail templates failed, again in 2 s: " + e);
    }
  }
}
