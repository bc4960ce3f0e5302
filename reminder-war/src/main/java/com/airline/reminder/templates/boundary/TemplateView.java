package com.airline.reminder.templates.boundary;

import com.airline.reminder.templates.control.TemplateCatalog.InUse;
import com.airline.reminder.templates.control.TemplateCatalog.Slot;
import java.util.Locale;

/**
 * One template: kind (CONFIRMATION...), locale, part (subject, text, html), source ("default" for
 * the WAR's, else the file's path; null when none is in use) and problem (why the operator's file
 * for it was refused, naming file and line; null when none was).
 */
public record TemplateView(String kind, String locale, String part, String source, String problem) {

  static TemplateView of(Slot slot, InUse inUse, String problem) {
    return new TemplateView(
        slot.kind().name(),
        slot.locale(),
        slot.part().name().toLowerCase(Locale.ROOT),
        inUse == null ? null : inUse.source(),
        problem);
  }
}
