package com.airline.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Broker;
import com.airline.it.Sql;
import com.airline.rabbitmq.BrokerProxy;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay, seen from the outside: rows written into booking's outbox_event reach the topic
 * events exchange (airline.events; the run's own here, routing key = event type, persistent), also
 * after booking's broker connections were cut (at the run's proxy between booking and RabbitMQ: the
 * machine's broker, which a running platform shares, stays up).
 */
class EventRelayIT {

  static final String EXCHANGE = Broker.EVENTS;

  @BeforeAll
  static void start() {
    Airline.start("booking");
  }

  @Test
  void relay_publishesEachRow_withItsTypeAsRoutingKey_andMarksItPublished() throws Exception {
    try (Events events = Events.exclusiveQueue()) {
      List<Row> rows = List.of(insert("booking.created"), insert("booking.cancelled"));

      Map<String, Delivery> received = events.await(ids(rows), Duration.ofSeconds(10));

      assertEquals(ids(rows), received.keySet());
      for (Row row : rows) {
        Delivery delivery = received.get(row.eventId());
        assertEquals(row.type(), delivery.getEnvelope().getRoutingKey());
        assertEquals(2, delivery.getProperties().getDeliveryMode(), "persistent");
        assertEquals("application/json", delivery.getProperties().getContentType());
        assertEquals(row.eventId(), delivery.getProperties().getMessageId());
        assertEquals(row.payload(), body(delivery));
        Await.until(() -> published(row.eventId()), Duration.ofSeconds(5), "published");
      }
    }
  }

  @Test
  void relay_whenBrokerUnreachable_publishesAfterItReturns() throws Exception {
    BrokerProxy broker = Airline.bookingBroker();
    try (Events events = Events.exclusiveQueue()) {
      String eventId;
      broker.cut();
      try {
        String id = insert("booking.created").eventId();
        eventId = id;
        Await.until(() -> attempts(id) >= 1, Duration.ofSeconds(30), "a publishing attempt");
        assertFalse(published(id), "published while the broker was unreachable");
        assertEquals(Map.of(), events.await(Set.of(id), Duration.ZERO), "delivered meanwhile");
      } finally {
        broker.restore();
      }
      Set<String> expected = Set.of(eventId);
      assertEquals(expected, events.await(expected, Duration.ofSeconds(30)).keySet());
      Await.until(() -> published(eventId), Duration.ofSeconds(5), "published");
    }
  }

  @Test
  void booking_whenBrokerUnreachable_isConfirmed_andItsEventArrivesOnceTheBrokerIsBack()
      throws Exception {
    var auth = com.airline.it.Http.to(Airline.start("auth"));
    var flights = com.airline.it.Http.to(Airline.start("flights"));
    var booking = com.airline.it.Http.to(Airline.start("booking"));
    long flight =
        com.airline.it.Catalogue.asAdmin(auth)
            .on(flights)
            .flight(10)
            .getJsonNumber("id")
            .longValue();
    var user = com.airline.it.TestUsers.signUp(auth);
    BrokerProxy broker = Airline.bookingBroker();
    try (Events events = Events.exclusiveQueue()) {
      String reference;
      String eventId;
      broker.cut();
      try {
        var reply = BookingIT.book(booking.as(user.token()), flight, 2);
        assertEquals(201, reply.status(), reply.body());
        reference = reply.json().getString("reference");
        String id = outboxEventOf(reference);
        eventId = id;
        Await.until(() -> attempts(id) >= 1, Duration.ofSeconds(30), "a publishing attempt");
        assertFalse(published(id), "published while the broker was unreachable");
      } finally {
        broker.restore();
      }
      Delivery delivery = events.await(Set.of(eventId), Duration.ofSeconds(30)).get(eventId);
      assertNotNull(delivery, "no event for " + reference);
      assertEquals("booking.created", delivery.getEnvelope().getRoutingKey());
      var event = Json.createReader(new StringReader(body(delivery))).readObject();
      assertEquals("booking.created", event.getString("type"));
      assertEquals(eventId, event.getString("eventId"));
      var booked = event.getJsonObject("booking");
      assertEquals(reference, booked.getString("reference"));
      assertEquals(user.id(), booked.getString("userId"));
      assertEquals(flight, booked.getJsonNumber("flightId").longValue());
      assertEquals(2, booked.getInt("seats"));
      assertEquals("ada@it.test", booked.getString("passengerEmail"));
      assertEquals(
          Sql.one(
              "flights",
              "SELECT airline_code FROM flight WHERE id = ?",
              row -> row.getString(1),
              flight),
          booked.getJsonObject("airline").getString("code"));
      assertTrue(booked.getJsonObject("airline").containsKey("name"));
      assertEquals("en", booked.getString("locale"));
      for (String field :
          new String[] {
            "flightNumber", "departureTime", "departureAirport", "arrivalAirport", "passengerName"
          }) {
        assertTrue(booked.containsKey(field), field);
      }
    }
  }

  /** The id of the event booking wrote into its outbox for the booking. */
  private static String outboxEventOf(String reference) {
    return Sql.one(
        "booking",
        "SELECT event_id FROM outbox_event WHERE payload LIKE ?",
        row -> row.getString(1),
        "%\"reference\":\"" + reference + "\"%");
  }

  @Test
  void relay_deliversTwoHundredRowsInsertedAtOnce_eachExactlyOnce() throws Exception {
    try (Events events = Events.exclusiveQueue()) {
      Set<String> ids = ids(insert("booking.created", 200));

      assertEquals(200, events.await(ids, Duration.ofSeconds(30)).size());
      Thread.sleep(1_000); // a duplicate would come right behind
      events.await(ids, Duration.ZERO);

      assertEquals(0, events.duplicates, "duplicates");
      for (String id : ids) {
        Await.until(() -> published(id), Duration.ofSeconds(5), "published");
      }
    }
  }

  @Test
  void outbox_deletesEventsPublishedLongerAgoThanTheRetention_only() throws Exception {
    Row old = insert("booking.created");
    Row recent = insert("booking.created");
    Await.until(
        () -> published(old.eventId()) && published(recent.eventId()),
        Duration.ofSeconds(10),
        "both published");
    // as if published six and eight days ago, in that order (a pruning in between must not find
    // the first still new): the retention is seven
    publishedDaysAgo(recent.eventId(), 6);
    publishedDaysAgo(old.eventId(), 8);

    Await.until(
        () -> !exists(old.eventId()),
        Duration.ofSeconds(25), // pruned every 10 s
        "an event published eight days ago deleted");
    assertTrue(exists(recent.eventId()), "an event published six days ago was deleted");
  }

  // --- the outbox, written as booking's Outbox writes it

  record Row(String eventId, String type, String payload) {}

  private static Set<String> ids(List<Row> rows) {
    return rows.stream().map(Row::eventId).collect(Collectors.toSet());
  }

  private static Row insert(String type) throws Exception {
    return insert(type, 1).get(0);
  }

  private static List<Row> insert(String type, int count) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (var c = Airline.database("booking");
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO outbox_event (event_id, type, payload, created_at)"
                    + " VALUES (?, ?, ?, UTC_TIMESTAMP(6))")) {
      c.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        String eventId = UUID.randomUUID().toString();
        String payload =
            Json.createObjectBuilder()
                .add("eventId", eventId)
                .add("type", type)
                .add("occurredAt", Instant.now().toString())
                .add("booking", Json.createObjectBuilder().add("reference", "IT" + i))
                .build()
                .toString();
        insert.setString(1, eventId);
        insert.setString(2, type);
        insert.setString(3, payload);
        insert.addBatch();
        rows.add(new Row(eventId, type, payload));
      }
      insert.executeBatch();
      c.commit();
    }
    return rows;
  }

  private static void publishedDaysAgo(String eventId, int days) {
    assertEquals(
        1,
        Sql.update(
            "booking",
            "UPDATE outbox_event SET published_at = UTC_TIMESTAMP(6) - INTERVAL ? DAY"
                + " WHERE event_id = ?",
            days,
            eventId));
  }

  private static boolean exists(String eventId) {
    return column(eventId, "COUNT(*)", rs -> rs.getInt(1)) == 1;
  }

  private static boolean published(String eventId) {
    return column(eventId, "published_at", rs -> rs.getTimestamp(1)) != null;
  }

  private static int attempts(String eventId) {
    return column(eventId, "attempts", rs -> rs.getInt(1));
  }

  private static <T> T column(String eventId, String name, Sql.Row<T> column) {
    return Sql.one(
        "booking", "SELECT " + name + " FROM outbox_event WHERE event_id = ?", column, eventId);
  }

  private static String body(Delivery delivery) {
    return new String(delivery.getBody(), StandardCharsets.UTF_8);
  }

  /** A consumer of the events exchange with booking.#, on a connection of its own. */
  static final class Events implements AutoCloseable {

    final Connection connection;
    final Channel channel;
    final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final Map<String, Delivery> byEventId = new HashMap<>();
    int duplicates;

    private Events() throws Exception {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
      factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
      factory.setUsername(env("RABBITMQ_USER", "guest"));
      factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
      factory.setAutomaticRecoveryEnabled(false);
      connection = factory.newConnection("event-relay-it");
      channel = connection.createChannel();
      channel.exchangeDeclare(EXCHANGE, BuiltinExchangeType.TOPIC, true);
      String name = channel.queueDeclare().getQueue(); // server-named, exclusive, auto-delete
      channel.queueBind(name, EXCHANGE, "booking.#");
      channel.basicConsume(name, true, (tag, delivery) -> deliveries.add(delivery), tag -> {});
    }

    /** On the broker itself, not through booking's proxy: it stays while booking's is cut. */
    static Events exclusiveQueue() throws Exception {
      return new Events();
    }

    /** The deliveries of these events, by eventId, once all came or the time is up. */
    Map<String, Delivery> await(Set<String> eventIds, Duration timeout)
        throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      Delivery delivery;
      while ((delivery = next(eventIds, deadline)) != null) {
        String eventId =
            Json.createReader(new StringReader(body(delivery))).readObject().getString("eventId");
        if (eventIds.contains(eventId) && byEventId.putIfAbsent(eventId, delivery) != null) {
          duplicates++;
        }
      }
      Map<String, Delivery> found = new HashMap<>(byEventId);
      found.keySet().retainAll(eventIds);
      return found;
    }

    /** The next delivery: waits while events are missing, afterwards takes only what is there. */
    private Delivery next(Set<String> eventIds, long deadline) throws InterruptedException {
      long left = deadline - System.nanoTime();
      return byEventId.keySet().containsAll(eventIds) || left <= 0
          ? deliveries.poll()
          : deliveries.poll(left, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() throws Exception {
      if (connection.isOpen()) {
        connection.close();
      }
    }

    private static String env(String name, String fallback) {
      String value = System.getenv(name);
      return value == null ? fallback : value;
    }
  }
}
