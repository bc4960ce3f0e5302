import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run by bench/reminder. Publishes booking.created events to airline.events at a steady rate, as
 * booking does, and reads from airline_reminder when each was consumed (processed_event) and when
 * each T2H mail due a few seconds ahead was accepted by the SMTP server (reminder.sent_at).
 */
public class ReminderBench {

  static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  public static void main(String[] args) throws Exception {
    int warmup = Integer.parseInt(env("BENCH_WARMUP", "40"));
    int events = Integer.parseInt(env("BENCH_EVENTS", "2000"));
    int rate = Integer.parseInt(env("BENCH_RATE", "100"));
    int dueSoon = Integer.parseInt(env("BENCH_DUE_SOON", "200"));
    String run = Long.toString(System.currentTimeMillis(), 36);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
    factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
    factory.setUsername(env("RABBITMQ_USER", "guest"));
    factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
    try (Connection connection = factory.newConnection();
        Channel channel = connection.createChannel()) {
      System.out.printf("Warming up for %ds at %d events/s...%n", warmup, rate);
      publish(channel, "warm-" + run, warmup * rate, rate, 0);
      System.out.printf(
          "Publishing %d events at %d/s (%d with a T-2h mail due 5-15 s later)...%n",
          events, rate, dueSoon);
      Map<String, Long> published = publish(channel, "bench-" + run, events, rate, dueSoon);
      report(run, published, dueSoon);
    }
  }

  /** Publishes count events at rate per second; answers eventId -> publish time (epoch micros). */
  static Map<String, Long> publish(Channel channel, String prefix, int count, int rate, int dueSoon)
      throws Exception {
    Map<String, Long> published = new HashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long at = start + (long) i * 1_000_000_000L / rate;
      long wait = at - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      // a few due soon, spread over the run; the others days ahead (their confirmation only)
      boolean soon = dueSoon > 0 && i % Math.max(1, count / dueSoon) == 0;
      Instant departure =
          soon
              ? Instant.now().plus(Duration.ofHours(2)).plusSeconds(5 + i % 11)
              : Instant.now().plus(Duration.ofDays(3));
      String eventId = prefix + "-" + i;
      byte[] body = event(eventId, reference(), departure, prefix).getBytes(StandardCharsets.UTF_8);
      Instant now = Instant.now();
      published.put(eventId, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
      channel.basicPublish(
          "airline.events",
          "booking.created",
          new AMQP.BasicProperties.Builder()
              .deliveryMode(2)
              .contentType("application/json")
              .messageId(eventId)
              .build(),
          body);
    }
    return published;
  }

  static void report(String run, Map<String, Long> published, int dueSoon) throws Exception {
    String url =
        "jdbc:mysql://"
            + env("DB_HOST", "127.0.0.1")
            + ":"
            + env("DB_PORT", "3306")
            + "/"
            + env("REMINDER_DB_NAME", "airline_reminder")
            + "?sslMode=DISABLED";
    try (var db = DriverManager.getConnection(url, env("DB_USER", "root"), env("DB_PASSWORD", ""))) {
      Instant deadline = Instant.now().plusSeconds(120);
      List<Double> consumed = new ArrayList<>();
      while (Instant.now().isBefore(deadline)) {
        consumed.clear();
        try (var query =
                db.prepareStatement(
                    "SELECT event_id, UNIX_TIMESTAMP(received_at) * 1000000 FROM processed_event"
                        + " WHERE event_id LIKE ?")) {
          query.setString(1, "bench-" + run + "-%");
          try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              consumed.add((rows.getLong(2) - published.get(rows.getString(1))) / 1000.0);
            }
          }
        }
        if (consumed.size() == published.size()) {
          break;
        }
        Thread.sleep(500);
      }
      System.out.printf(
          "event to row: %d of %d consumed, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          consumed.size(), published.size(), p(consumed, 50), p(consumed, 99), p(consumed, 100));

      Thread.sleep(20_000); // the last T-2h mails fall due up to 15 s after their event
      List<Double> lag = new ArrayList<>();
      int pending = 0;
      try (var query =
          db.prepareStatement(
              "SELECT status, TIMESTAMPDIFF(MICROSECOND, due_at, sent_at) FROM reminder"
                  + " WHERE kind = 'T2H' AND passenger_email = ? AND due_at <= UTC_TIMESTAMP()")) {
        query.setString(1, "bench-" + run + "@bench.test");
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            if ("SENT".equals(rows.getString(1))) {
              lag.add(rows.getLong(2) / 1000.0);
            } else {
              pending++;
            }
          }
        }
      }
      System.out.printf(
          "due to sent (T-2h): %d sent, %d not sent, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          lag.size(), pending, p(lag, 50), p(lag, 99), p(lag, 100));
    }
  }

  static double p(List<Double> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static String reference() {
    StringBuilder reference = new StringBuilder();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return reference.toString();
  }

  static String event(String eventId, String reference, Instant departure, String prefix) {
    return "{\"eventId\":\"" + eventId + "\",\"type\":\"booking.created\",\"occurredAt\":\""
        + Instant.now() + "\",\"booking\":{\"reference\":\"" + reference
        + "\",\"userId\":\"bench\",\"flightId\":1,\"flightNumber\":\"BN1\",\"departureTime\":\""
        + departure.truncatedTo(ChronoUnit.SECONDS) + "\",\"departureAirport\":\"LHR\","
        + "\"arrivalAirport\":\"JFK\",\"seats\":1,\"passengerName\":\"Bench Passenger\","
        + "\"passengerEmail\":\"" + prefix + "@bench.test\"}}";
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
