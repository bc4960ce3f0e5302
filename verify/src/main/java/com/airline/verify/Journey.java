package com.airline.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Users in parallel, each from a client address of its own: sign up, sign in, search, book, read,
 * wait for the confirmation mail, cancel. Then every confirmation and cancellation mail has
 * arrived, once, and the flight has all its seats again.
 */
final class Journey {

  static final String NAME = "journey";

  /** How long a mail may take. */
  static final Duration MAIL_WAIT = Duration.ofSeconds(120);

  /** How long a second copy of a mail is given to show up once every first one came. */
  static final Duration DUPLICATE_WAIT = Duration.ofSeconds(3);

  private final Platform platform;
  private final Mailboxes mail;
  private final int users;
  private final Consumer<String> progress;
  private final Map<String, Stats> steps = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  /** A user's address to their booking's reference. */
  private final Map<String, String> booked = new ConcurrentHashMap<>();

  Journey(Platform platform, Mailboxes mail, int users, Consumer<String> progress) {
    this.platform = platform;
    this.mail = mail;
    this.users = users;
    this.progress = progress;
    for (String step :
        List.of("sign-up", "search", "book", "read", "confirmation mail", "cancel")) {
      steps.put(step, new Stats());
    }
  }

  Outcome run() throws InterruptedException {
    JsonObject flight = platform.flight(users, Duration.ofDays(7));
    long id = flight.getJsonNumber("id").longValue();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(users);
    List<Future<?>> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < users; i++) {
      running.add(
          pool.submit(
              () -> {
                journey(id);
                done.incrementAndGet();
              }));
    }
    pool.shutdown();
    while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
      progress.accept(done + " of " + users + " users through");
    }
    for (Future<?> user : running) {
      try {
        user.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add("a user's journey broke off: " + e.getCause());
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    progress.accept("all " + users + " users through in " + seconds + " s; reading their mails");
    int mails = mails();
    Client.Reply after = platform.anonymous().get("api/v1/flights/" + id);
    if (after.status() != 200 || after.json().getInt("availableSeats") != users) {
      failures.add("the flight's seats after every cancellation: " + after);
    }
    StringBuilder figures =
        new StringBuilder(booked.size() + " booked and cancelled, " + mails + " mails");
    steps.forEach((step, stats) -> figures.append("; ").append(step).append(' ').append(stats));
    return new Outcome(
        NAME,
        users
            + " users in parallel, each from its own address: sign up, sign in, search, book,"
            + " read, wait for the confirmation mail, cancel; one confirmation and one cancellation"
            + " mail each",
        figures.toString(),
        List.copyOf(failures));
  }

  private void journey(long flight) {
    Platform.User user;
    long started = System.nanoTime();
    try {
      user = platform.signUp("journey");
    } catch (IllegalStateException e) {
      failures.add(e.getMessage());
      return;
    }
    steps.get("sign-up").add((System.nanoTime() - started) / 1_000_000);
    Client client = user.client();
    Client.Reply search = step("search", client.get(platform.route()));
    if (!has(search, 200, user, "search")) {
      return;
    }
    if (search.items().stream().noneMatch(f -> isFlight(f, flight))) {
      failures.add(user.email() + ": the search does not list flight " + flight + ": " + search);
      return;
    }
    Client.Reply book =
        step(
            "book",
            Platform.book(
                client,
                flight,
                1,
                "Verify Passenger",
                user.email(),
                Map.of("Idempotency-Key", "verify-" + user.email())));
    if (!has(book, 201, user, "book")) {
      return;
    }
    String reference = book.json().getString("reference");
    if (!"CONFIRMED".equals(book.json().getString("status"))) {
      failures.add(user.email() + ": booking " + reference + " is " + book.json().get("status"));
    }
    booked.put(user.email(), reference);
    Client.Reply read = step("read", client.get("api/v1/bookings/" + reference));
    if (has(read, 200, user, "read") && !reference.equals(read.json().getString("reference"))) {
      failures.add(user.email() + ": read another booking: " + read);
    }
    long booked = System.nanoTime();
    if (!confirmationMail(user.email(), reference)) {
      failures.add(
          user.email() + ": no confirmation mail for " + reference + " within " + MAIL_WAIT);
    }
    steps.get("confirmation mail").add((System.nanoTime() - booked) / 1_000_000);
    Client.Reply cancel =
        step("cancel", client.post("api/v1/bookings/" + reference + "/cancel", null));
    if (has(cancel, 200, user, "cancel")
        && !"CANCELLED".equals(cancel.json().getString("status"))) {
      failures.add(user.email() + ": cancelled booking is " + cancel.json().get("status"));
    }
  }

  /**
   * Waits for the booking's confirmation mail, as its user would before cancelling: a booking
   * cancelled before its confirmation went out gets the cancellation mail only.
   */
  private boolean confirmationMail(String address, String reference) {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (count(mail.subjects(address), reference, "confirmed") == 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private Client.Reply step(String name, Client.Reply reply) {
    steps.get(name).add(reply.millis());
    return reply;
  }

  private boolean has(Client.Reply reply, int status, Platform.User user, String step) {
    if (reply.status() == status) {
      return true;
    }
    failures.add(user.email() + ": " + step + ": expected " + status + ", got " + reply);
    return false;
  }

  private static boolean isFlight(JsonValue item, long id) {
    return item.asJsonObject().getJsonNumber("id").longValue() == id;
  }

  /**
   * Waits until every booked user has both mails, then gives copies a moment; answers how many
   * mails came and notes each user whose mails are missing or doubled.
   */
  private int mails() throws InterruptedException {
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    Map<String, List<String>> subjects = new LinkedHashMap<>();
    while (true) {
      subjects.clear();
      booked.keySet().forEach(address -> subjects.put(address, mail.subjects(address)));
      boolean complete =
          booked.entrySet().stream()
              .allMatch(
                  e ->
                      count(subjects.get(e.getKey()), e.getValue(), "confirmed") >= 1
                          && count(subjects.get(e.getKey()), e.getValue(), "cancelled") >= 1);
      if (complete || System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(1000);
    }
    Thread.sleep(DUPLICATE_WAIT.toMillis());
    int total = 0;
    for (var entry : booked.entrySet()) {
      List<String> got = mail.subjects(entry.getKey());
      total += got.size();
      long confirmed = count(got, entry.getValue(), "confirmed");
      long cancelled = count(got, entry.getValue(), "cancelled");
      if (confirmed != 1 || cancelled != 1) {
        failures.add(
            entry.getKey()
                + ": "
                + confirmed
                + " confirmation and "
                + cancelled
                + " cancellation mails for "
                + entry.getValue()
                + " (expected one each): "
                + got);
      }
    }
    return total;
  }

  private static long count(List<String> subjects, String reference, String word) {
    return subjects.stream()
        .filter(s -> s != null && s.contains(reference) && s.contains(word))
        .count();
  }
}
