package com.airline.verify;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./airline verify}: the quick checks against a running platform (a journey of many users,
 * every operation against every role, forged tokens, others' bookings, sign-in guessing), with
 * {@code --full} also load, faults under load and reminders on a short horizon ({@link Full}); a
 * table of what held, and target/verify/report.md and report.html. Exit status 0 when every check
 * passed, 1 when one failed, 2 when it could not run.
 */
public final class Verify {

  private Verify() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out));
  }

  /** Runs the checks, printing progress and the table to out; answers the exit status. */
  public static int run(String[] args, Map<String, String> env, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      out.println("verify: " + e.getMessage());
      return 2;
    }
    Platform platform = new Platform(options);
    Client.Reply health = platform.anonymous().get("health");
    if (health.status() == 0) {
      out.println(
          "verify: nothing answers at "
              + options.gateway()
              + ": start the platform (./airline up) or give --gateway");
      return 2;
    }
    out.printf("Verifying the platform at %s (run %s)%n", options.gateway(), platform.run);
    try (Mailboxes mail = new Mailboxes(options.imap())) {
      return run(options, platform, mail, out);
    }
  }

  private static int run(Options options, Platform platform, Mailboxes mail, PrintStream out) {
    long started = System.nanoTime();
    Tokens tokens = new Tokens(platform);
    List<Outcome> outcomes = new ArrayList<>();
    Checks checks =
        (name, what, work) -> {
          if (options.selects(name)) {
            outcomes.add(check(out, started, name, what, work));
          }
        };
    checks.run(
        Journey.NAME,
        "a journey of " + options.users() + " users",
        progress -> new Journey(platform, mail, options.users(), progress).run());
    checks.run(
        RoleMatrix.NAME,
        "every operation as every caller",
        progress -> new RoleMatrix(platform).run());
    checks.run(
        BadInput.NAME,
        "generated bad input for every operation",
        progress -> new BadInput(platform).run());
    checks.run(Tokens.NAME, "forged tokens", progress -> tokens.forged());
    checks.run(Tokens.OTHERS, "another user's booking", progress -> tokens.othersBookings());
    checks.run(Tokens.GUESSING, "password guessing", progress -> tokens.guessing());
    List<Report.Chart> charts = new ArrayList<>();
    if (options.full() != null) {
      Full full = new Full(platform, mail, options);
      checks.run(Full.LOAD, "load", full::load);
      Faults.Fault restart = null;
      for (Faults.Fault fault : full.faults()) {
        if (fault.name().startsWith("reminder-1")) {
          restart = fault;
        }
        checks.run("fault: " + fault.name(), fault.what(), p -> full.fault(fault, p));
      }
      Faults.Fault reminderRestart = restart;
      checks.run(
          Full.REMINDERS, "reminders on a short horizon", p -> full.reminders(reminderRestart, p));
      if (options.selects(Full.LOAD)) {
        charts.add(
            new Report.Chart("Throughput and p99 over time, faults shaded", full.timeline().svg()));
      }
      if (options.selects(Full.REMINDERS)) {
        charts.add(new Report.Chart("Reminder mails: delay from due", full.reminderChart()));
      }
    }
    Report report = new Report("Verification of " + options.gateway(), outcomes, charts);
    out.println();
    out.print(report.table());
    try {
      Path html = report.write(options.report());
      out.println("Report: " + html.toAbsolutePath() + " (and report.md beside it)");
    } catch (java.io.IOException e) {
      out.println("verify: cannot write the report into " + options.report() + ": " + e);
      return 2;
    }
    return report.failed() == 0 ? 0 : 1;
  }

  /** Runs a check if the options select it, adding its outcome. */
  interface Checks {
    void run(String name, String what, Work work);
  }

  /** One check's work, given a way to say how far it got. */
  interface Work {
    Outcome run(java.util.function.Consumer<String> progress) throws Exception;
  }

  private static Outcome check(PrintStream out, long started, String name, String what, Work work) {
    java.util.function.Consumer<String> progress =
        line ->
            out.printf(
                "[%4d s] %s: %s%n", (System.nanoTime() - started) / 1_000_000_000, name, line);
    progress.accept(what);
    Outcome outcome;
    try {
      outcome = work.run(progress);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.broken(name, what, e);
    } catch (Exception e) {
      outcome = Outcome.broken(name, what, e);
    }
    progress.accept(
        outcome.failed() ? "FAILED (" + outcome.failures().size() + ")" : outcome.result());
    return outcome;
  }
}
