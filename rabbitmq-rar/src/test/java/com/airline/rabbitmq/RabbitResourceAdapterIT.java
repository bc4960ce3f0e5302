package com.airline.rabbitmq;

import static com.airline.rabbitmq.Broker.consumers;
import static com.airline.rabbitmq.Broker.messages;
import static com.airline.rabbitmq.Broker.publish;
import static com.airline.rabbitmq.Broker.publishTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.airline.rabbitmq.TestEndpointFactory.Received;
import com.rabbitmq.client.GetResponse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the real RabbitMQ, with a hand-written stand-in for the application server (a
 * WorkManager on plain threads, endpoints that record deliveries). Each test has queues and an
 * exchange of its own and deletes them. Broker faults are played at a proxy of the test's own
 * ({@link BrokerProxy}): the machine's broker is never stopped.
 */
class RabbitResourceAdapterIT {

  private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

  /** Long enough for a duplicate or a stray redelivery to show up. */
  private static final Duration QUIET = Duration.ofMillis(500);

  private final String queue = "it.rar." + UUID.randomUUID();
  private final String exchange = "it.rar.x." + UUID.randomUUID();
  private final List<String> queues = new ArrayList<>(List.of(queue, queue + ".dead"));
  private final List<TestEndpointFactory> factories = new ArrayList<>();
  private TestBootstrapContext context;
  private RabbitResourceAdapter adapter;

  @BeforeEach
  void startAdapter() {
    context = new TestBootstrapContext();
    adapter = new RabbitResourceAdapter();
    adapter.start(context);
  }

  @AfterEach
  void stopAdapterAndDeleteQueues() throws Exception {
    try {
      adapter.stop();
      assertTrue(context.works().awaitIdle(Duration.ofSeconds(10)), "a Work still runs");
      assertEquals(List.of(), List.copyOf(context.works().failures), "Works threw");
      for (TestEndpointFactory factory : factories) {
        assertEquals(List.of(), List.copyOf(factory.violations), "JCA contract of " + factory);
      }
    } finally {
      Broker.deleteQueues(queues.toArray(String[]::new));
      Broker.deleteExchange(exchange);
    }
  }

  @Test
  void deliversEachMessageOnce_fromTheQueueAndThroughTheBoundExchange_andAcknowledgesIt()
      throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setExchange(exchange);
    spec.setBindingKey("flight.*");
    TestEndpointFactory mdb = activate(spec);

    List<String> direct = bodies("direct", 10);
    List<String> routed = bodies("routed", 10);
    publish(queue, direct.toArray(String[]::new));
    publishTo(exchange, "flight.delayed", routed.toArray(String[]::new));
    publishTo(exchange, "booking.created", "not-bound");

    awaitTrue("20 deliveries", Duration.ofSeconds(10), () -> mdb.received.size() >= 20);
    Thread.sleep(QUIET.toMillis());

    Set<String> expected = new HashSet<>(direct);
    expected.addAll(routed);
    List<Received> received = List.copyOf(mdb.received);
    assertEquals(expected, bodies(received));
    assertEquals(20, received.size(), "each message exactly once: " + received);
    assertTrue(received.stream().allMatch(Received::ok));
    assertTrue(received.stream().allMatch(r -> r.deliveryCount() == 1), "redelivered: " + received);
    assertEquals(20L, attribute(queue, "Delivered"));
    assertEquals(0L, attribute(queue, "Failed"));
    assertEquals(0, messages(queue), "ready messages left");

    adapter.endpointDeactivation(mdb, spec);
    // Closing the channels puts back whatever was delivered and never acknowledged.
    assertEquals(0, messages(queue), "unacknowledged messages came back after deactivation");
  }

  @Test
  void failedDelivery_isRedeliveredAfterTheDelay_andSucceedsLater_nothingLost() throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxDeliveries("5");
    spec.setRedeliveryDelay("300");
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (message.body().equals("flaky") && message.deliveryCount() < 3) {
                throw new IllegalStateException("database unavailable");
              }
            });

    publish(queue, "flaky", "steady-1", "steady-2");

    awaitTrue("3 successful deliveries", Duration.ofSeconds(10), () -> mdb.succeeded().size() >= 3);
    Thread.sleep(QUIET.toMillis());

    List<Received> flaky = mdb.of("flaky");
    assertEquals(
        List.of(1, 2, 3), flaky.stream().map(Received::deliveryCount).toList(), "" + flaky);
    assertEquals(List.of(false, false, true), flaky.stream().map(Received::ok).toList());
    for (int i = 1; i < flaky.size(); i++) {
      long gap = flaky.get(i).startedNanos() - flaky.get(i - 1).startedNanos();
      assertTrue(gap >= TimeUnit.MILLISECONDS.toNanos(300), "redelivered after " + gap + " ns");
    }
    assertEquals(Set.of("flaky", "steady-1", "steady-2"), bodies(mdb.succeeded()));
    assertEquals(3, mdb.succeeded().size(), "each succeeded once: " + mdb.received);
    assertEquals(3L, attribute(queue, "Delivered"));
    assertEquals(2L, attribute(queue, "Failed"));
    assertEquals(0, messages(queue + ".dead"), "dead-lettered although it succeeded");

    adapter.endpointDeactivation(mdb, spec);
    assertEquals(0, messages(queue), "left in the queue or unacknowledged");
  }

  @Test
  void deliveryWhoseTransactionFailsToCommit_isRedelivered_notAcknowledged() throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxDeliveries("5");
    spec.setRedeliveryDelay("100");
    TestEndpointFactory mdb =
        activate(spec).failAtCommit(m -> m.body().equals("commit-fails") && m.deliveryCount() == 1);

    publish(queue, "commit-fails", "steady");

    awaitTrue(
        "commit-fails delivered again", Duration.ofSeconds(10), () -> mdb.received.size() >= 3);
    Thread.sleep(QUIET.toMillis());
    assertEquals(
        List.of(1, 2), mdb.of("commit-fails").stream().map(Received::deliveryCount).toList());
    assertEquals(1, mdb.of("steady").size());
    assertEquals(2L, attribute(queue, "Delivered"));
    assertEquals(1L, attribute(queue, "Failed"));

    adapter.endpointDeactivation(mdb, spec);
    assertEquals(0, messages(queue), "left in the queue or unacknowledged");
  }

  @Test
  void deliveryOutlastingTheTimeout_comesAgain_andConsumingGoesOn() throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxSession("1");
    spec.setDeliveryTimeout("500");
    spec.setRedeliveryDelay("100");
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (message.body().equals("slow") && message.deliveryCount() == 1) {
                // busy, deaf to the client's interrupt (as a blocking call can be)
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
                while (System.nanoTime() < end) {
                  Thread.onSpinWait();
                }
              }
            });

    publish(queue, "slow", "after");

    awaitTrue(
        "slow delivered again and after delivered",
        Duration.ofSeconds(20),
        () -> mdb.of("slow").size() >= 2 && !mdb.of("after").isEmpty());
    assertEquals(List.of(1, 2), mdb.of("slow").stream().map(Received::deliveryCount).toList());
    awaitTrue(
        "consuming again",
        Duration.ofSeconds(10),
        () -> (Integer) attribute(queue, "Consumers") == 1);

    adapter.endpointDeactivation(mdb, spec);
    assertEquals(0, messages(queue), "left in the queue or unacknowledged");
  }

  @Test
  void messageThatAlwaysFails_isDeadLetteredAfterMaxDeliveries_andDoesNotBlockTheQueue()
      throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxSession("1"); // one consumer: a stuck poison message would block everything
    spec.setMaxDeliveries("3");
    String dead = queue + ".dead";
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (message.body().equals("poison")) {
                throw new IllegalArgumentException("cannot parse");
              }
            });

    publish(queue, "poison", "after-1", "after-2", "after-3");

    awaitTrue(
        "poison dead-lettered and the others delivered",
        Duration.ofSeconds(10),
        () -> messages(dead) == 1 && mdb.succeeded().size() >= 3);
    Thread.sleep(QUIET.toMillis());

    List<Received> poison = mdb.of("poison");
    assertEquals(List.of(1, 2, 3), poison.stream().map(Received::deliveryCount).toList());
    assertTrue(poison.stream().noneMatch(Received::ok));
    assertEquals(Set.of("after-1", "after-2", "after-3"), bodies(mdb.succeeded()));
    assertEquals(3L, attribute(queue, "Failed"));

    GetResponse deadLettered = Broker.take(dead);
    assertNotNull(deadLettered, "nothing in " + dead);
    assertEquals("poison", new String(deadLettered.getBody(), StandardCharsets.UTF_8));
    Object death = ((List<?>) deadLettered.getProps().getHeaders().get("x-death")).get(0);
    assertEquals("delivery_limit", String.valueOf(((Map<?, ?>) death).get("reason")));
    assertEquals(queue, String.valueOf(((Map<?, ?>) death).get("queue")));

    publish(queue, "later-1", "later-2");
    awaitTrue("later messages", Duration.ofSeconds(10), () -> mdb.succeeded().size() >= 5);
    Thread.sleep(QUIET.toMillis());
    assertEquals(5, mdb.succeeded().size(), "" + mdb.received);
    assertEquals(3, mdb.of("poison").size(), "poison delivered again");
    assertEquals(5L, attribute(queue, "Delivered"));

    adapter.endpointDeactivation(mdb, spec);
    assertEquals(0, messages(queue));
    assertEquals(0, messages(dead));
  }

  @Test
  void burstOfPoisonAmongGoodMessages_eachGoodOneOnce_eachPoisonDeadLettered() throws Exception {
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxSession("4");
    spec.setMaxDeliveries("3");
    spec.setRedeliveryDelay("10");
    String dead = queue + ".dead";
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (message.body().startsWith("poison")) {
                throw new IllegalArgumentException("cannot parse");
              }
            });
    List<String> good = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String body = (i % 3 == 0 ? "poison-" : "good-") + i;
      bodies.add(body);
      if (body.startsWith("good")) {
        good.add(body);
      }
    }

    publish(queue, bodies.toArray(String[]::new));

    awaitTrue(
        "poison dead-lettered and the good ones delivered",
        Duration.ofSeconds(60),
        () -> messages(dead) == 40 && mdb.succeeded().size() >= good.size());
    Thread.sleep(QUIET.toMillis());

    assertEquals(good.size(), mdb.succeeded().size(), "a good message delivered twice");
    assertEquals(Set.copyOf(good), bodies(mdb.succeeded()));
    assertEquals(80 + 3 * 40, mdb.received.size(), "each good one once, each poison one 3 times");
    assertEquals(40, messages(dead));
    assertEquals(120L - 40, attribute(queue, "Delivered"));
    assertEquals(3L * 40, attribute(queue, "Failed"));
  }

  @Test
  void severalSessions_consumeConcurrently_eachMessageOnce() throws Exception {
    int sessions = 4;
    RabbitActivationSpec spec = spec(queue);
    spec.setMaxSession(String.valueOf(sessions));
    // The first deliveries wait until every session has one in hand: if the sessions did not run
    // side by side, they would time out and fail.
    CountDownLatch together = new CountDownLatch(sessions);
    AtomicInteger started = new AtomicInteger();
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (started.incrementAndGet() <= sessions) {
                together.countDown();
                if (!together.await(5, TimeUnit.SECONDS)) {
                  throw new IllegalStateException("sessions do not deliver concurrently");
                }
              }
            });

    List<String> bodies = bodies("m", 200);
    publish(queue, bodies.toArray(String[]::new));

    awaitTrue("200 deliveries", Duration.ofSeconds(20), () -> mdb.succeeded().size() >= 200);
    Thread.sleep(QUIET.toMillis());

    List<Received> received = List.copyOf(mdb.received);
    assertEquals(sessions, mdb.maxInFlight.get(), "deliveries in flight at once");
    assertTrue(received.stream().allMatch(Received::ok), "failed deliveries");
    assertEquals(200, received.size(), "each message once");
    assertEquals(new HashSet<>(bodies), bodies(received));
    assertEquals(sessions, received.stream().map(Received::endpoint).distinct().count());
    assertEquals(sessions, mdb.endpoints.size());
    assertEquals(200L, attribute(queue, "Delivered"));

    adapter.endpointDeactivation(mdb, spec);
    assertEquals(0, messages(queue));
  }

  /**
   * The adapter's broker connection cut (at a proxy of the test's own, so that the machine's broker
   * and everyone else's connections stay up) and restored.
   */
  @Test
  void brokerConnectionCut_consumersReconnect_andDeliveryResumes() throws Exception {
    try (BrokerProxy proxy = BrokerProxy.to(Broker.HOST, Broker.PORT)) {
      RabbitActivationSpec spec = spec(queue);
      spec.setPort(String.valueOf(proxy.port()));
      TestEndpointFactory mdb = activate(spec);
      assertEquals(true, attribute(queue, "Connected"));
      assertEquals(2, attribute(queue, "Consumers"));
      assertEquals(1, proxy.connections(), "the adapter connects through the proxy");

      try {
        proxy.cut();
        awaitTrue(
            "JMX shows the consumers disconnected",
            Duration.ofSeconds(10),
            () -> Boolean.FALSE.equals(attribute(queue, "Connected")));
        assertEquals(0, attribute(queue, "Consumers"));
        awaitTrue(
            "the broker sees the consumers gone",
            Duration.ofSeconds(10),
            () -> consumers(queue) == 0);
        assertEquals(2L, mdb.released(), "endpoints of the lost connection released");
        publish(queue, "while-cut");
        Thread.sleep(QUIET.toMillis());
        assertEquals(List.of(), List.copyOf(mdb.received), "delivered while cut");
        assertEquals(false, attribute(queue, "Connected"), "connected while cut");
      } finally {
        proxy.restore();
      }

      awaitTrue(
          "reconnected",
          Duration.ofSeconds(60),
          () -> Boolean.TRUE.equals(attribute(queue, "Connected")) && consumers(queue) == 2);
      assertEquals(2, attribute(queue, "Consumers"));
      assertEquals(4, mdb.endpoints.size(), "a new endpoint per session");

      publish(queue, "after-restore");
      awaitTrue("deliveries after restore", Duration.ofSeconds(10), () -> mdb.received.size() >= 2);
      Thread.sleep(QUIET.toMillis());
      assertEquals(
          Set.of("while-cut", "after-restore"),
          bodies(List.copyOf(mdb.received)),
          "what waited in the queue and what came after, each once: " + mdb.received);
      assertEquals(2, mdb.received.size(), "each once: " + mdb.received);
      assertEquals(2L, attribute(queue, "Delivered"));

      adapter.endpointDeactivation(mdb, spec);
      assertEquals(0, messages(queue));
    }
  }

  @Test
  void endpointDeactivation_waitsForTheDeliveryInProgress_thenNothingIsLeft() throws Exception {
    RabbitActivationSpec spec = spec(queue);
    CountDownLatch slowStarted = new CountDownLatch(1);
    TestEndpointFactory mdb =
        activate(
            spec,
            message -> {
              if (message.body().equals("slow")) {
                slowStarted.countDown();
                Thread.sleep(1_000);
              }
            });
    publish(queue, "slow");
    assertTrue(slowStarted.await(10, TimeUnit.SECONDS), "slow message not delivered");

    adapter.endpointDeactivation(mdb, spec);
    mdb.unavailable();

    assertEquals(0, mdb.inFlight.get(), "returned while a delivery was in progress");
    assertEquals(List.of("slow"), mdb.succeeded().stream().map(Received::body).toList());
    assertEquals(2, mdb.endpoints.size());
    assertEquals(2L, mdb.released(), "endpoints not released");
    assertFalse(JMX.isRegistered(jmxName(queue)), "still in JMX");
    assertEquals(0, consumers(queue), "consumers left on the broker");
    assertEquals(0, messages(queue), "the message in flight was not acknowledged");

    publish(queue, "after-1", "after-2");
    Thread.sleep(QUIET.toMillis());
    assertEquals(1, mdb.received.size(), "delivered after deactivation: " + mdb.received);
    assertEquals(2, messages(queue));

    assertTrue(context.works().awaitIdle(Duration.ofSeconds(5)), "the Work did not return");
    assertNoAdapterThreads();
  }

  @Test
  void stop_endsEveryActivation() throws Exception {
    String other = "it.rar." + UUID.randomUUID();
    queues.addAll(List.of(other, other + ".dead"));
    TestEndpointFactory first = activate(spec(queue));
    TestEndpointFactory second = activate(spec(other));

    adapter.stop();
    first.unavailable();
    second.unavailable();

    for (String name : List.of(queue, other)) {
      assertEquals(0, consumers(name), "consumers left on " + name);
      assertFalse(JMX.isRegistered(jmxName(name)), name + " still in JMX");
    }
    assertEquals(2L, first.released());
    assertEquals(2L, second.released());
    assertTrue(context.works().awaitIdle(Duration.ofSeconds(5)), "a Work did not return");
    assertNoAdapterThreads();
  }

  /**
   * A bean undeployed while its Work is still connecting: once endpointDeactivation returned, no
   * endpoint may be asked for nor called, and nothing may stay connected.
   */
  @Test
  void endpointDeactivation_whileConnecting_leavesNothingBehind() throws Exception {
    RabbitActivationSpec declare = spec(queue);
    adapter.endpointDeactivation(activate(declare), declare); // declares the queue
    // Enough for every round: a delivery takes 20 ms, a round at most 40 ms with 2 sessions. The
    // rounds stop the activation at every millisecond of its connecting (a few ms on localhost).
    publish(queue, bodies("waiting", 300).toArray(String[]::new));

    for (int delay = 0; delay <= 40; delay++) {
      RabbitActivationSpec spec = spec(queue);
      TestEndpointFactory mdb =
          new TestEndpointFactory(context.transactions).behave(message -> Thread.sleep(20));
      factories.add(mdb);
      adapter.endpointActivation(mdb, spec);
      Thread.sleep(delay);
      adapter.endpointDeactivation(mdb, spec);
      mdb.unavailable();
      int delivered = mdb.received.size();

      Thread.sleep(50);
      assertEquals(delivered, mdb.received.size(), "delivered after deactivation, " + delay);
      assertEquals(mdb.endpoints.size(), mdb.released(), "endpoints not released, " + delay);
      assertEquals(0, mdb.inFlight.get());
      assertEquals(List.of(), List.copyOf(mdb.violations), "after " + delay + " ms");
      assertEquals(0, consumers(queue), "consumers left, " + delay + " ms");
    }
    assertTrue(context.works().awaitIdle(Duration.ofSeconds(10)), "a Work did not return");
    assertFalse(JMX.isRegistered(jmxName(queue)), "still in JMX");
  }

  // --- helpers

  private RabbitActivationSpec spec(String queueName) {
    RabbitActivationSpec spec = new RabbitActivationSpec();
    spec.setResourceAdapter(adapter);
    spec.setQueue(queueName);
    spec.setHost(Broker.HOST);
    spec.setPort(String.valueOf(Broker.PORT));
    spec.setRedeliveryDelay("0");
    return spec;
  }

  private TestEndpointFactory activate(RabbitActivationSpec spec) throws Exception {
    return activate(spec, message -> {});
  }

  /** Activates and waits until every session consumes. */
  private TestEndpointFactory activate(
      RabbitActivationSpec spec, TestEndpointFactory.Behaviour behaviour) throws Exception {
    TestEndpointFactory mdb = new TestEndpointFactory(context.transactions).behave(behaviour);
    factories.add(mdb);
    adapter.endpointActivation(mdb, spec);
    int sessions = Integer.parseInt(spec.getMaxSession());
    awaitTrue(
        spec.getQueue() + " consumed by " + sessions,
        Duration.ofSeconds(10),
        () ->
            Boolean.TRUE.equals(attribute(spec.getQueue(), "Connected"))
                && Broker.exists(spec.getQueue())
                && consumers(spec.getQueue()) == sessions);
    return mdb;
  }

  static ObjectName jmxName(String queue) throws Exception {
    return new ObjectName("com.airline.rabbitmq:type=Consumer,queue=" + ObjectName.quote(queue));
  }

  /** An attribute of the queue's consumer in JMX, null while it is not registered. */
  static Object attribute(String queue, String name) throws Exception {
    try {
      return JMX.getAttribute(jmxName(queue), name);
    } catch (InstanceNotFoundException e) {
      return null;
    }
  }

  private static List<String> bodies(String prefix, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
  }

  private static Set<String> bodies(List<Received> received) {
    return received.stream().map(Received::body).collect(Collectors.toSet());
  }

  /** No thread is inside the adapter any more: no Work, no delivery. */
  private static void assertNoAdapterThreads() {
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      boolean inAdapter =
          Arrays.stream(thread.getValue())
              .anyMatch(
                  frame ->
                      frame.getClassName().startsWith(Activation.class.getName())
                          || frame.getClassName().startsWith(Delivery.class.getName()));
      if (inAdapter) {
        fail(thread.getKey() + " is still in the adapter: " + Arrays.toString(thread.getValue()));
      }
    }
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void awaitTrue(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.ok()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout + ": " + what);
      }
      Thread.sleep(50);
    }
  }
}
