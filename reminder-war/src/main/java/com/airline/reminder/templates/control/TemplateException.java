package com.airline.reminder.templates.control;

/** A template refused: it does not parse, or names what is not a placeholder. */
public class TemplateException extends RuntimeException {

  private final String file;
  private final int line;
  private final String reason;

  public TemplateException(String file, int line, String reason) {
    super(file + (line > 0 ? " at line " + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** 0 when unknown. */
  public int line() {
    return line;
  }

  public String reason() {
    return reason;
  }
}
