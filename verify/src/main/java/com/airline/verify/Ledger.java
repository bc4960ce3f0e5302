package com.airline.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The equalities that must hold once the load stopped, whatever happened during it: no booking
 * stays PENDING (within 5 minutes), every booking answered 201 is there (CANCELLED when its user
 * cancelled it, CONFIRMED otherwise), for every flight the seats flights sold equal the seats of
 * its CONFIRMED bookings (none oversold, none lost), and every CONFIRMED booking has exactly one
 * confirmation mail, every booking its user cancelled exactly one cancellation mail.
 */
final class Ledger {

  static final Duration PENDING_WAIT = Duration.ofMinutes(5);
  static final Duration MAIL_WAIT = Duration.ofMinutes(3);

  /** A booking as booking lists it. */
  record Row(String reference, String status, long flight, int seats) {}

  private final Platform platform;
  private final Mailboxes mail;
  private final List<Platform.User> users;
  private final List<Long> flights;
  private final Load load;

  /** Bookings whose confirmation a killed reminder instance was sending (never sent twice). */
  private final java.util.Set<String> crashed = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Reads the flights, from an address of its own (one client: one pool of connections). */
  private final Client reader;

  Ledger(
      Platform platform, Mailboxes mail, List<Platform.User> users, List<Long> flights, Load load) {
    this.platform = platform;
    this.mail = mail;
    this.users = List.copyOf(users);
    this.flights = List.copyOf(flights);
    this.load = load;
    this.reader = platform.anonymous();
  }

  /** What did not hold (nothing: all did); figures through the consumer. */
  List<String> check(Consumer<String> figures) throws InterruptedException {
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    Map<String, Row> rows = rows();
    while (rows.values().stream().anyMatch(r -> r.status().equals("PENDING"))) {
      if (System.nanoTime() - started > PENDING_WAIT.toNanos()) {
        rows.values().stream()
            .filter(r -> r.status().equals("PENDING"))
            .forEach(r -> failures.add(r.reference() + " still PENDING after " + PENDING_WAIT));
        break;
      }
      Thread.sleep(2000);
      rows = rows();
    }
    long pendingSeconds = (System.nanoTime() - started) / 1_000_000_000;

    Map<String, Load.Booked> answered = new HashMap<>();
    for (Load.Booked booked : load.booked()) {
      answered.put(booked.reference(), booked);
      Row row = rows.get(booked.reference());
      if (row == null) {
        failures.add(booked.reference() + " was answered 201 and is gone");
      } else if (booked.status() != null && !row.status().equals(booked.status())) {
        failures.add(booked.reference() + " is " + row.status() + ", expected " + booked.status());
      }
    }

    Map<Long, Integer> confirmedSeats = new HashMap<>();
    rows.values().stream()
        .filter(r -> r.status().equals("CONFIRMED"))
        .forEach(r -> confirmedSeats.merge(r.flight(), r.seats(), Integer::sum));
    long sold = 0;
    for (long flight : flights) {
      Client.Reply reply = reader.get("api/v1/flights/" + flight);
      if (reply.status() != 200) {
        failures.add("flight " + flight + ": " + reply);
        continue;
      }
      JsonObject json = reply.json();
      int seats = json.getInt("totalSeats") - json.getInt("availableSeats");
      sold += seats;
      int confirmed = confirmedSeats.getOrDefault(flight, 0);
      if (seats != confirmed) {
        failures.add(
            "flight "
                + flight
                + ": flights sold "
                + seats
                + " seats, CONFIRMED bookings hold "
                + confirmed);
      }
    }

    int mails = mails(rows, answered, failures);
    figures.accept(
        rows.size()
            + " bookings ("
            + count(rows, "CONFIRMED")
            + " confirmed, "
            + count(rows, "CANCELLED")
            + " cancelled or refused), "
            + sold
            + " seats sold over "
            + flights.size()
            + " flights, "
            + mails
            + " mails"
            + (crashed.isEmpty()
                ? ""
                : " ("
                    + crashed.size()
                    + " confirmations not sent: being sent as reminder was killed)")
            + "; PENDING resolved in "
            + pendingSeconds
            + " s");
    return failures;
  }

  private static long count(Map<String, Row> rows, String status) {
    return rows.values().stream().filter(r -> r.status().equals(status)).count();
  }

  /** Every booking of the run's load users, as booking lists them to an admin. */
  private Map<String, Row> rows() {
    Map<String, Row> rows = new HashMap<>();
    for (Platform.User user : users) {
      for (int page = 0; ; page++) {
        Client.Reply reply =
            platform.admin().get("api/v1/bookings?userId=" + user.id() + "&size=100&page=" + page);
        Platform.expect(200, reply, "the bookings of " + user.email());
        List<JsonValue> items = reply.items();
        for (JsonValue item : items) {
          JsonObject b = item.asJsonObject();
          rows.put(
              b.getString("reference"),
              new Row(
                  b.getString("reference"),
                  b.getString("status"),
                  b.getJsonNumber("flightId").longValue(),
                  b.getInt("seats")));
        }
        if (page + 1 >= reply.json().getInt("totalPages")) {
          break;
        }
      }
    }
    return rows;
  }

  /**
   * Waits until every CONFIRMED booking has its confirmation mail and every booking its user
   * cancelled its cancellation mail, then gives copies a moment, and counts.
   */
  private int mails(Map<String, Row> rows, Map<String, Load.Booked> answered, List<String> failures)
      throws InterruptedException {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    Map<String, List<String>> subjects = byReference(mail.subjects(load.mailbox()));
    while (!waitingFor(rows, answered, subjects).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(2000);
      subjects.clear();
      subjects.putAll(byReference(mail.subjects(load.mailbox())));
    }
    Thread.sleep(Journey.DUPLICATE_WAIT.toMillis());
    List<String> all = mail.subjects(load.mailbox());
    subjects.clear();
    subjects.putAll(byReference(all));
    for (Row row : rows.values()) {
      String fault = missing(row, answered, subjects);
      if (fault != null && !crashedWhileSending(row.reference())) {
        failures.add(fault);
      }
    }
    return all.size();
  }

  /**
   * The bookings whose mails are still to come: those missing one, but for confirmations the
   * reminder service gave up on (asked only once few are left, not of a whole backlog).
   */
  private List<Row> waitingFor(
      Map<String, Row> rows,
      Map<String, Load.Booked> answered,
      Map<String, List<String>> subjects) {
    List<Row> waiting =
        rows.values().stream().filter(r -> missing(r, answered, subjects) != null).toList();
    return waiting.size() > 20
        ? waiting
        : waiting.stream().filter(r -> !crashedWhileSending(r.reference())).toList();
  }

  /**
   * Whether the booking's confirmation was being sent when the reminder instance was killed: API.md
   * promises a reminder at most once, so reminder marks it FAILED rather than send it twice, and
   * says so (lastError). That mail is lost, visibly; the run counts it, not as a failure.
   */
  private boolean crashedWhileSending(String reference) {
    if (crashed.contains(reference)) {
      return true;
    }
    boolean crashedWhileSending =
        platform.reminders(reference).stream()
            .anyMatch(
                reminder ->
                    "CONFIRMATION".equals(reminder.getString("kind"))
                        && "FAILED".equals(reminder.getString("status"))
                        && reminder
                            .getString("lastError", "")
                            .contains("interrupted while sending"));
    if (crashedWhileSending) {
      crashed.add(reference);
    }
    return crashedWhileSending;
  }

  /** The subjects by the booking reference they name (the first word of six of A-Z and 2-9). */
  static Map<String, List<String>> byReference(List<String> subjects) {
    Map<String, List<String>> found = new HashMap<>();
    var reference = java.util.regex.Pattern.compile("\\b[A-Z2-9]{6}\\b");
    for (String subject : subjects) {
      var matcher = subject == null ? null : reference.matcher(subject);
      if (matcher != null && matcher.find()) {
        found.computeIfAbsent(matcher.group(), r -> new ArrayList<>()).add(subject);
      }
    }
    return found;
  }

  /** What is wrong with the booking's mails, or null. */
  private static String missing(
      Row row, Map<String, Load.Booked> answered, Map<String, List<String>> subjects) {
    List<String> got = subjects.getOrDefault(row.reference(), List.of());
    long confirmed = count(got, "confirmed");
    long cancelled = count(got, "cancelled");
    Load.Booked booked = answered.get(row.reference());
    boolean cancelledByUser = booked != null && "CANCELLED".equals(booked.status());
    boolean right =
        switch (row.status()) {
          case "CONFIRMED" -> confirmed == 1 && cancelled == 0;
          // cancelled before its confirmation went out: the cancellation mail only
          case "CANCELLED" -> confirmed <= 1 && (cancelledByUser ? cancelled == 1 : cancelled <= 1);
          default -> true;
        };
    return right
        ? null
        : row.reference()
            + " ("
            + row.status()
            + "): "
            + confirmed
            + " confirmation and "
            + cancelled
            + " cancellation mails";
  }

  private static long count(List<String> subjects, String word) {
    return subjects.stream().filter(s -> s.contains(word)).count();
  }
}
