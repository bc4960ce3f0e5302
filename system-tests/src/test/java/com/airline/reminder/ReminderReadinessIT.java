package com.airline.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Broker;
import com.airline.it.Http;
import com.airline.rabbitmq.BrokerProxy;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reminder is ready only while its consumers are connected to RabbitMQ: an instance of its own
 * reaches the broker through a proxy the test cuts, and its readiness goes DOWN (the broker check,
 * the database still UP) and comes back UP once the broker is reachable again, without a restart.
 */
class ReminderReadinessIT {

  static final String NAME = "broker-reminder";
  static final String QUEUE = "it-" + Airline.RUN + "." + NAME;
  static final String EXCHANGE = QUEUE + ".events";

  @Test
  void readiness_isDownWhileTheBrokerIsUnreachable_andUpAgainAfter() throws Exception {
    try (BrokerProxy broker =
        BrokerProxy.to(
            Airline.env("RABBITMQ_HOST", "127.0.0.1"),
            Integer.parseInt(Airline.env("RABBITMQ_PORT", "5672")))) {
      Http reminder =
          Http.to(
              Airline.startInstance(
                  "reminder",
                  NAME,
                  13,
                  Map.of(
                      "REMINDER_DB_NAME",
                      "it_reminder_broker_" + Airline.RUN,
                      "REMINDER_RABBITMQ_HOST",
                      "127.0.0.1",
                      "REMINDER_RABBITMQ_PORT",
                      Integer.toString(broker.port()),
                      "REMINDER_EVENTS_QUEUE",
                      QUEUE,
                      "REMINDER_EVENTS_EXCHANGE",
                      EXCHANGE)));
      try {
        assertEquals(Map.of("broker", "UP", "database", "UP", "grid", "UP"), checks(reminder));

        broker.cut();
        Await.until(
            () -> reminder.get("/health/ready").status() == 503,
            Duration.ofSeconds(60),
            "readiness DOWN while the broker is unreachable");
        assertEquals(Map.of("broker", "DOWN", "database", "UP", "grid", "UP"), checks(reminder));

        broker.restore();
        Await.until(
            () -> reminder.get("/health/ready").status() == 200,
            Duration.ofSeconds(120),
            "readiness UP again once the broker is back");
        assertEquals(Map.of("broker", "UP", "database", "UP", "grid", "UP"), checks(reminder));
      } finally {
        Airline.stopInstance(NAME);
        Broker.deleteQueues(QUEUE, QUEUE + ".dead");
        Broker.deleteExchange(EXCHANGE);
      }
    }
  }

  /** Each readiness check's status by name. */
  private static Map<String, String> checks(Http reminder) {
    JsonObject health = reminder.get("/health/ready").json();
    return health.getJsonArray("checks").stream()
        .map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
  }
}
