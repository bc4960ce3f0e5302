package com.airline.reminder.templates.control;

import java.util.Locale;

/** The three templates of a mail, each a file: &lt;kind&gt;.&lt;part&gt;.mustache. */
public enum TemplatePart {
  SUBJECT,
  TEXT,
  /** The only one whose values are HTML-escaped. */
  HTML;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
