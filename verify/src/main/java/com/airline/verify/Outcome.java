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
 * @param notRun why it could not be tried here (null: it was)
 */
record Outcome(
    String check,
    String tried,
    String figures,
    List<String> failures,
    Table detail,
    String notRun) {

  Outcome {
    failures = List.copyOf(failures);
  }

  Outcome(String check, String tried, String figures, List<String> failures, Table detail) {
    this(check, tried, figures, failures, detail, null);
  }

  Outcome(String check, String tried, String figures, List<String> failures) {
    this(check, tried, figures, failures, new Table(List.of(), List.of()));
  }

  /** A check that does not apply here (a fault this machine cannot make): why. */
  static Outcome notRun(String check, String tried, String why) {
    return new Outcome(
        check, tried, "not run: " + why, List.of(), new Table(List.of(), List.of()), why);
  }

  /** A check that could not even start: what stopped it. */
  static Outcome broken(String check, String tried, Exception cause) {
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return new Outcome(check, tried, "", List.of("could not run: " + why));
  }

  boolean passed() {
    return notRun == null && failures.isEmpty();
  }

  boolean failed() {
    return !failures.isEmpty();
  }

  /** passed, FAILED or not run. */
  String result() {
    return failed() ? "FAILED" : notRun != null ? "not run" : "passed";
  }

  /** Rows under a header, for the report. */
  record Table(List<String> header, List<List<String>> rows) {}
}
