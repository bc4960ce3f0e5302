package com.airline.verify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bookings and searches at steady rates, sent on schedule whatever the answers take (open loop: a
 * slow platform gets more requests in flight, as it would from real clients), by the run's users
 * over the run's flights. One booking in ten is cancelled by its user right after. Every answer
 * goes on the timeline; every booking answered 201 is kept, for the ledger to find again.
 */
final class Load {

  /** An answer slower than the gateway's read timeout (30 s) and some slack is a hang. */
  static final long HUNG_MILLIS = 35_000;

  /**
   * A booking the platform answered 201, and the status it must have: CONFIRMED, CANCELLED when its
   * user cancelled it (200), or null when the cancellation got no clear answer (503, 504).
   */
  record Booked(String reference, long flight, int seats, String status) {}

  private final Platform platform;
  private final List<Platform.User> users;
  private final List<Long> flights;
  private final double bookingsPerSecond;
  private final double searchesPerSecond;
  private final Timeline timeline;
  private final ConcurrentLinkedQueue<Booked> booked = new ConcurrentLinkedQueue<>();

  /** Wrong answers by kind and status ("book 500"): how many, and the first one. */
  private final Map<String, Wrong> wrong = new java.util.concurrent.ConcurrentHashMap<>();

  private record Wrong(java.util.concurrent.atomic.AtomicLong count, String first) {}

  private final AtomicLong sent = new AtomicLong();
  private ScheduledExecutorService clock;
  private ExecutorService senders;

  Load(
      Platform platform,
      List<Platform.User> users,
      List<Long> flights,
      double bookingsPerSecond,
      double searchesPerSecond,
      Timeline timeline) {
    this.platform = platform;
    this.users = List.copyOf(users);
    this.flights = List.copyOf(flights);
    this.bookingsPerSecond = bookingsPerSecond;
    this.searchesPerSecond = searchesPerSecond;
    this.timeline = timeline;
  }

  /**
   * The passengers' mailbox, read by the ledger: one for all, since the catcher answers each IMAP
   * command the slower the more mails it holds (reading 200 mailboxes took minutes).
   */
  String mailbox() {
    return "verify-" + platform.run + "-load@verify.test";
  }

  synchronized void start() {
    clock = Executors.newSingleThreadScheduledExecutor();
    senders = Executors.newCachedThreadPool();
    clock.scheduleAtFixedRate(
        () -> senders.execute(this::book),
        0,
        Math.round(1_000_000 / bookingsPerSecond),
        TimeUnit.MICROSECONDS);
    clock.scheduleAtFixedRate(
        () -> senders.execute(this::search),
        0,
        Math.round(1_000_000 / searchesPerSecond),
        TimeUnit.MICROSECONDS);
  }

  /** Sends nothing more, and waits for what is in flight (at most the hang limit). */
  synchronized void stop() throws InterruptedException {
    clock.shutdownNow();
    senders.shutdown();
    if (!senders.awaitTermination(HUNG_MILLIS + 30_000, TimeUnit.MILLISECONDS)) {
      wrong("load", "still in flight " + (HUNG_MILLIS + 30_000) / 1000 + " s after it stopped");
      senders.shutdownNow();
    }
  }

  long sent() {
    return sent.get();
  }

  List<Booked> booked() {
    return List.copyOf(booked);
  }

  /**
   * Answers that were neither right nor a 503/504 problem, nor in time, a line per kind and status
   * with the first one; emptied as read.
   */
  synchronized List<String> wrong() {
    List<String> found =
        wrong.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    e.getValue().count()
                        + " × "
                        + e.getKey()
                        + ", the first: "
                        + e.getValue().first())
            .toList();
    wrong.clear();
    return found;
  }

  private void wrong(String key, String example) {
    wrong
        .computeIfAbsent(key, k -> new Wrong(new java.util.concurrent.atomic.AtomicLong(), example))
        .count()
        .incrementAndGet();
  }

  private void book() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Client client = users.get(random.nextInt(users.size())).client();
    long flight = flights.get(random.nextInt(flights.size()));
    int seats = 1 + random.nextInt(3);
    long second = timeline.now();
    Client.Reply reply =
        Platform.book(
            client,
            flight,
            seats,
            "Verify Load",
            mailbox(),
            Map.of("Idempotency-Key", "verify-" + platform.run + "-" + sent.incrementAndGet()));
    // 409: sold out, as it may be
    note("book", second, reply, reply.status() == 201 || reply.status() == 409);
    if (reply.status() != 201) {
      return;
    }
    String reference = reply.json().getString("reference");
    String status = "CONFIRMED";
    if (random.nextInt(10) == 0) {
      long at = timeline.now();
      Client.Reply cancelled = client.post("api/v1/bookings/" + reference + "/cancel", null);
      note("cancel", at, cancelled, cancelled.status() == 200);
      status = cancelled.status() == 200 ? "CANCELLED" : null;
    }
    booked.add(new Booked(reference, flight, seats, status));
  }

  private void search() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Client client = users.get(random.nextInt(users.size())).client();
    long second = timeline.now();
    sent.incrementAndGet();
    Client.Reply reply =
        client.get(
            platform.route()
                + "&page="
                + random.nextInt(Math.max(1, flights.size() / 20))
                + "&size=20&sort="
                + (random.nextBoolean() ? "price" : "departureTime"));
    note("search", second, reply, reply.status() == 200);
  }

  private void note(String kind, long second, Client.Reply reply, boolean right) {
    Timeline.End end;
    if (reply.millis() > HUNG_MILLIS) {
      end = Timeline.End.WRONG;
      wrong(kind + " hung", reply.millis() + " ms (the gateway gives up after 30 s)");
    } else if (right) {
      end = Timeline.End.ANSWERED;
    } else if ((reply.status() == 503 || reply.status() == 504) && reply.problemFault() == null) {
      end = Timeline.End.UNAVAILABLE;
    } else {
      end = Timeline.End.WRONG;
      wrong(kind + " " + reply.status(), reply.toString());
    }
    timeline.add(kind, second, end, reply.millis());
  }
}
