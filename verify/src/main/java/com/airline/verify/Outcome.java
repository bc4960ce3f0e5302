package com.airline.verify;

import java.util.List;

/**
 * What one check tried, the figures it measured, and what did not hold (nothing: it passed).
 *
 * @param check its name, as in the table
 * @param tried what it did, in a line
 * @param figures counts and measurements, in a line
 * @param failures each thing that did not hold, in a line
 * @param detail what the report shows below the summary (none: empty)
 */
record Outcome(String check, String tried, String figures, List<String> failures, Table detail) {

  Outcome {
    failures = List.copyOf(failures);
  }

  Outcome(String check, String tried, String figures, List<String> failures) {
    this(check, tried, figures, failures, new Table(List.of(), List.of()));
  }

  /** A check that could not even start: what stopped it. */
  static Outcome broken(String check, String tried, Exception cause) {
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return new Outcome(check, tried, "", List.of("could not run: " + why));
  }

  boolean passed() {
    return failures.isEmpty();
  }

  /** Rows under a header, for the report. */
  record Table(List<String> header, List<List<String>> rows) {}
}
