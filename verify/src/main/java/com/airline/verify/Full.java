package com.airline.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * {@code --full}: load over many flights for minutes, then the same load through each fault, the
 * ledger's equalities after each, and reminders on a short horizon across a reminder restart.
 */
final class Full {

  /**
   * The load: how long the first phase runs, bookings and searches per second, flights. Defaults
   * this 2-core machine holds with every service on it.
   */
  record Settings(int minutes, int bookings, int searches, int flights) {

    static final Settings DEFAULT = new Settings(5, 8, 16, 200);

    Settings minutes(int value) {
      return new Settings(value, bookings, searches, flights);
    }

    Settings bookings(int value) {
      return new Settings(minutes, value, searches, flights);
    }

    Settings searches(int value) {
      return new Settings(minutes, bookings, value, flights);
    }

    Settings flights(int value) {
      return new Settings(minutes, bookings, searches, value);
    }
  }

  static final String LOAD = "load";
  static final String REMINDERS = "reminders";

  /** The requests the load sends, as the timeline names them. */
  static final List<String> KINDS = List.of("book", "search", "cancel");

  /** Users the load books as (each from an address of its own). */
  static final int USERS = 16;

  /** Load before a fault begins, and after it is over. */
  static final Duration BEFORE = Duration.ofSeconds(20);

  static final Duration AFTER = Duration.ofSeconds(40);

  /** How long before a reminder falls due its booking is made: time for a reminder restart. */
  static final Duration REMINDER_LEAD = Duration.ofSeconds(150);

  /**
   * How late a reminder mail may arrive after it fell due (the catcher's clock is to the second).
   */
  static final Duration REMINDER_ON_TIME = Duration.ofSeconds(5);

  private final Platform platform;
  private final Mailboxes mail;
  private final Options options;
  private final Settings settings;
  private final Timeline timeline = new Timeline();
  private final List<Long> flights = new ArrayList<>();
  private final List<Platform.User> users = new ArrayList<>();
  private Load load;
  private Ledger ledger;
  private final Stats reminderDelays = new Stats();

  Full(Platform platform, Mailboxes mail, Options options) {
    this.platform = platform;
    this.mail = mail;
    this.options = options;
    this.settings = options.full();
  }

  List<Faults.Fault> faults() {
    return new Faults(options).all();
  }

  Timeline timeline() {
    return timeline;
  }

  /** The first phase: flights and users made, then the load alone for the minutes set. */
  Outcome load(Consumer<String> progress) throws InterruptedException {
    progress.accept("making " + settings.flights() + " flights and " + USERS + " users");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < settings.flights(); i++) {
      int seats = 30 + 10 * random.nextInt(8);
      flights.add(
          platform
              .flight(
                  seats, Duration.ofDays(3 + random.nextInt(27)).plusMinutes(random.nextInt(1440)))
              .getJsonNumber("id")
              .longValue());
    }
    for (int i = 0; i < USERS; i++) {
      users.add(platform.signUp("load"));
    }
    load = new Load(platform, users, flights, settings.bookings(), settings.searches(), timeline);
    ledger = new Ledger(platform, mail, users, flights, load);
    long from = timeline.now();
    load.start();
    long end = System.nanoTime() + Duration.ofMinutes(settings.minutes()).toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(30_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      progress.accept(load.sent() + " requests sent, " + load.booked().size() + " bookings made");
    }
    load.stop();
    long to = timeline.now();
    List<String> failures = new ArrayList<>(load.wrong());
    long unavailable = timeline.count(null, Timeline.End.UNAVAILABLE, from, to);
    if (unavailable > 0) {
      failures.add(unavailable + " answers 503/504 with every service up");
    }
    progress.accept("load over; checking the ledger");
    StringBuilder figures = new StringBuilder(rates(from, to));
    failures.addAll(ledger.check(f -> figures.append("; ").append(f)));
    return new Outcome(
        LOAD,
        settings.bookings()
            + " bookings/s (one in ten cancelled) and "
            + settings.searches()
            + " searches/s for "
            + settings.minutes()
            + " min over "
            + settings.flights()
            + " flights, by "
            + USERS
            + " users; then seats sold = seats in CONFIRMED bookings for every flight, one"
            + " confirmation mail per confirmed booking, no 5xx",
        figures.toString(),
        failures);
  }

  /** The load through one fault: before, during, after; then the ledger. */
  Outcome fault(Faults.Fault fault, Consumer<String> progress) throws InterruptedException {
    String name = "fault: " + fault.name();
    String tried = fault.what() + ", under the load; then the ledger's equalities";
    if (fault.notRun() != null) {
      return Outcome.notRun(name, tried, fault.notRun());
    }
    if (load == null) {
      return Outcome.notRun(name, tried, "the load did not run");
    }
    List<String> failures = new ArrayList<>();
    load.start();
    Thread.sleep(BEFORE.toMillis());
    long from = timeline.now();
    progress.accept("making it");
    try {
      fault.action().run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      failures.add("the fault was not made and undone: " + e.getMessage());
    }
    long to = timeline.now();
    timeline.window(fault.name(), from, to);
    progress.accept(
        "over after " + (to - from) + " s; the load goes on for " + AFTER.toSeconds() + " s");
    Thread.sleep(AFTER.toMillis());
    load.stop();
    long end = timeline.now();
    failures.addAll(load.wrong());
    long recovered = end - 10;
    if (timeline.rate("book", recovered, end) == 0) {
      failures.add("no booking answered in the last 10 s of the load after the fault");
    }
    StringBuilder figures = new StringBuilder((to - from) + " s; meanwhile");
    for (String kind : KINDS) {
      figures
          .append(' ')
          .append(kind)
          .append(' ')
          .append(timeline.count(kind, Timeline.End.ANSWERED, from, to))
          .append(" answered, ")
          .append(timeline.count(kind, Timeline.End.UNAVAILABLE, from, to))
          .append(" 503/504;");
    }
    figures.append(" after it ").append(rates(to + 1, end));
    progress.accept("checking the ledger");
    failures.addAll(ledger.check(f -> figures.append("; ").append(f)));
    return new Outcome(name, tried, figures.toString(), failures);
  }

  /**
   * Bookings on flights leaving in 2 h and in 24 h and a bit: their T-2h and T-24h reminders fall
   * due within minutes, after a SIGKILL of the reminder instance in between. Each arrives once,
   * within 5 s of due.
   */
  Outcome reminders(Faults.Fault restart, Consumer<String> progress) throws Exception {
    String tried =
        "bookings on flights leaving in 2 h and in 24 h plus "
            + REMINDER_LEAD.toSeconds()
            + " s, the reminder instance killed and started again before they fall due; each"
            + " T-2h and T-24h mail arrives once, within "
            + REMINDER_ON_TIME.toSeconds()
            + " s of due";
    if (users.isEmpty()) {
      return Outcome.notRun(REMINDERS, tried, "the load did not run");
    }
    List<String> failures = new ArrayList<>();
    Map<String, String> kinds = Map.of("T2H", "leaves in 2 hours", "T24H", "leaves in 24 hours");
    List<String[]> booked = new ArrayList<>(); // reference, mailbox, kind
    for (var kind : List.of("T2H", "T24H")) {
      Duration before = kind.equals("T2H") ? Duration.ofHours(2) : Duration.ofHours(24);
      long flight = platform.flight(20, before.plus(REMINDER_LEAD)).getJsonNumber("id").longValue();
      for (int i = 0; i < 3; i++) {
        String mailbox =
            "verify-" + platform.run + "-" + kind.toLowerCase() + "-" + i + "@verify.test";
        Client.Reply reply =
            Platform.book(users.get(i).client(), flight, 1, "Verify Reminder", mailbox, Map.of());
        if (reply.status() != 201) {
          failures.add("booking for " + kind + ": " + reply);
          continue;
        }
        booked.add(new String[] {reply.json().getString("reference"), mailbox, kind});
      }
    }
    Instant due = Instant.EPOCH;
    Map<String, Instant> dueAt = new java.util.HashMap<>();
    for (String[] b : booked) {
      Instant at = dueAt(b[0], b[2]);
      if (at == null) {
        Faults.await(
            () -> dueAt(b[0], b[2]) != null,
            Duration.ofSeconds(60),
            b[0] + "'s " + b[2] + " reminder is scheduled");
        at = dueAt(b[0], b[2]);
      }
      dueAt.put(b[0], at);
      due = due.isAfter(at) ? due : at;
    }
    if (restart.notRun() == null) {
      progress.accept("reminders scheduled; " + restart.what());
      try {
        restart.action().run();
      } catch (Exception e) {
        failures.add("the reminder instance was not killed and back: " + e.getMessage());
      }
    } else {
      failures.add("the reminder instance could not be restarted: " + restart.notRun());
    }
    Duration wait = Duration.between(Instant.now(), due).plusSeconds(30);
    progress.accept(
        "waiting " + Math.max(0, wait.toSeconds()) + " s for the last one to fall due and arrive");
    if (!wait.isNegative()) {
      Thread.sleep(wait.toMillis());
    }
    List<List<String>> rows = new ArrayList<>();
    for (String[] b : booked) {
      List<Mailboxes.Mail> got =
          mail.mails(b[1]).stream().filter(m -> m.subject().contains(kinds.get(b[2]))).toList();
      Instant at = dueAt.get(b[0]);
      String delay = "none";
      if (got.size() != 1) {
        failures.add(b[0] + ": " + got.size() + " " + b[2] + " mails (expected one)");
      }
      if (!got.isEmpty()) {
        long millis = Duration.between(at, got.get(0).received()).toMillis();
        reminderDelays.add(millis);
        delay = (millis / 1000.0) + " s";
        // the catcher dates a mail to the second: up to 1 s before due is on time
        if (millis < -1000 || millis > REMINDER_ON_TIME.toMillis()) {
          failures.add(b[0] + ": its " + b[2] + " mail came " + delay + " after due");
        }
      }
      rows.add(List.of(b[0], b[2], at.toString(), Integer.toString(got.size()), delay));
    }
    return new Outcome(
        REMINDERS,
        tried,
        booked.size() + " reminders, delay from due " + reminderDelays,
        failures,
        new Outcome.Table(List.of("booking", "kind", "due", "mails", "arrived after due"), rows));
  }

  /** When the booking's reminder of that kind is due, as reminder says; null if not yet there. */
  private Instant dueAt(String reference, String kind) {
    return platform.reminders(reference).stream()
        .filter(reminder -> kind.equals(reminder.getString("kind")))
        .map(reminder -> Instant.parse(reminder.getString("dueAt")))
        .findFirst()
        .orElse(null);
  }

  /** Answered per second and durations of each kind over the seconds from..to. */
  private String rates(long from, long to) {
    StringBuilder text = new StringBuilder();
    for (String kind : KINDS) {
      text.append(text.length() == 0 ? "" : "; ")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "%s %.1f/s %s",
                  kind,
                  timeline.rate(kind, from, to),
                  timeline.stats(kind, from, to)));
    }
    return text.toString();
  }

  /** The reminder mails' delays from due, one bar each. */
  String reminderChart() {
    List<Long> delays = reminderDelays.values();
    int width = Math.max(560, 40 * delays.size() + 80);
    long most =
        Math.max(REMINDER_ON_TIME.toMillis(), delays.stream().mapToLong(Math::abs).max().orElse(0));
    StringBuilder svg =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"220\""
                    + " font-family=\"system-ui,sans-serif\" font-size=\"11\">%n"
                    + "<line x1=\"60\" y1=\"180\" x2=\"%d\" y2=\"180\" stroke=\"#888\"/>"
                    + "<text x=\"4\" y=\"24\">%.1f s</text><text x=\"4\" y=\"180\">0 s</text>%n"
                    + "<line x1=\"60\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d62728\""
                    + " stroke-dasharray=\"4\"/><text x=\"64\" y=\"%.1f\" fill=\"#d62728\">%d s"
                    + " allowed</text>%n",
                width,
                width - 10,
                most / 1000.0,
                180 - REMINDER_ON_TIME.toMillis() * 160.0 / most,
                width - 10,
                180 - REMINDER_ON_TIME.toMillis() * 160.0 / most,
                176 - REMINDER_ON_TIME.toMillis() * 160.0 / most,
                REMINDER_ON_TIME.toSeconds()));
    for (int i = 0; i < delays.size(); i++) {
      double height = Math.max(1, Math.abs(delays.get(i)) * 160.0 / most);
      svg.append(
          String.format(
              java.util.Locale.ROOT,
              "<rect x=\"%d\" y=\"%.1f\" width=\"24\" height=\"%.1f\" fill=\"#1f77b4\"/>"
                  + "<text x=\"%d\" y=\"198\">%.1f</text>%n",
              70 + 40 * i,
              180 - height,
              height,
              70 + 40 * i,
              delays.get(i) / 1000.0));
    }
    return svg.append(
            "<text x=\"60\" y=\"214\">seconds from due to the catcher taking the mail, one bar per reminder</text>\n</svg>\n")
        .toString();
  }
}
