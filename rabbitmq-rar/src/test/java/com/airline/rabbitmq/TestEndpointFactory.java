package com.airline.rabbitmq;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.transaction.xa.XAResource;

/**
 * The container's side of one message-driven bean: makes endpoints that implement {@link
 * MessageEndpoint} and {@link MessageListener}, records every delivery, and fails those the test
 * asks it to. It also records every breach of the JCA contract it can see (a delivery outside
 * beforeDelivery/afterDelivery, two threads in one endpoint, a delivery to a released endpoint, an
 * endpoint asked for after deactivation) in {@link #violations}.
 */
final class TestEndpointFactory implements MessageEndpointFactory {

  /** What the bean does with a message; throwing fails the delivery. */
  interface Behaviour {
    void onMessage(Received message) throws Exception;
  }

  /**
   * One call of onMessage: the body (the test's message id), JMSXDeliveryCount, which endpoint and
   * thread, when it started, and whether it succeeded.
   */
  record Received(
      String body, int deliveryCount, int endpoint, String thread, long startedNanos, boolean ok) {

    Received failed() {
      return new Received(body, deliveryCount, endpoint, thread, startedNanos, false);
    }
  }

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final String name = "test-mdb-" + NAMES.incrementAndGet();
  final List<TestEndpoint> endpoints = new CopyOnWriteArrayList<>();

  /** Every onMessage call, in the order they ended. */
  final Queue<Received> received = new ConcurrentLinkedQueue<>();

  final Queue<String> violations = new ConcurrentLinkedQueue<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile Behaviour behaviour = message -> {};
  private final TestTransactions transactions;

  /** Deliveries whose transaction the container rolls back at commit, after onMessage returned. */
  private volatile Predicate<Received> failsAtCommit = message -> false;

  TestEndpointFactory(TestTransactions transactions) {
    this.transactions = transactions;
  }

  TestEndpointFactory failAtCommit(Predicate<Received> which) {
    this.failsAtCommit = which;
    return this;
  }

  private volatile boolean unavailable;

  TestEndpointFactory behave(Behaviour behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  /** From now on the container refuses endpoints, as after endpointDeactivation. */
  void unavailable() {
    unavailable = true;
  }

  List<Received> succeeded() {
    return received.stream().filter(Received::ok).toList();
  }

  List<Received> of(String body) {
    return received.stream().filter(r -> r.body().equals(body)).toList();
  }

  long released() {
    return endpoints.stream().filter(e -> e.released).count();
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
    if (unavailable) {
      violations.add("createEndpoint after deactivation");
      throw new UnavailableException("deactivated");
    }
    TestEndpoint endpoint = new TestEndpoint(endpoints.size() + 1);
    endpoints.add(endpoint);
    return endpoint;
  }

  @Override
  public MessageEndpoint createEndpoint(XAResource xaResource, long timeout)
      throws UnavailableException {
    return createEndpoint(xaResource);
  }

  @Override
  public boolean isDeliveryTransacted(Method method) {
    return false;
  }

  @Override
  public String getActivationName() {
    return name;
  }

  @Override
  public Class<?> getEndpointClass() {
    return TestEndpoint.class;
  }

  @Override
  public String toString() {
    return name;
  }

  final class TestEndpoint implements MessageEndpoint, MessageListener {

    private final int id;
    private final AtomicInteger inside = new AtomicInteger();
    private volatile boolean before;
    private volatile Received last;
    volatile boolean released;

    TestEndpoint(int id) {
      this.id = id;
    }

    @Override
    public void beforeDelivery(Method method) {
      if (released) {
        violations.add("beforeDelivery on released endpoint " + id);
      }
      if (before) {
        violations.add("beforeDelivery twice on endpoint " + id);
      }
      if (!method.getName().equals("onMessage")) {
        violations.add("beforeDelivery for " + method);
      }
      before = true;
      last = null;
      transactions.begin();
    }

    @Override
    public void onMessage(Message message) {
      if (inside.incrementAndGet() != 1) {
        violations.add("two deliveries at once in endpoint " + id);
      }
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      try {
        if (released) {
          violations.add("onMessage on released endpoint " + id);
        }
        if (!before) {
          violations.add("onMessage without beforeDelivery on endpoint " + id);
        }
        Received attempt =
            new Received(
                body(message),
                count(message),
                id,
                Thread.currentThread().getName(),
                System.nanoTime(),
                true);
        try {
          behaviour.onMessage(attempt);
        } catch (Exception e) {
          received.add(attempt.failed());
          throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        received.add(attempt);
        last = attempt;
      } finally {
        inFlight.decrementAndGet();
        inside.decrementAndGet();
      }
    }

    @Override
    public void afterDelivery() {
      if (!before) {
        violations.add("afterDelivery without beforeDelivery on endpoint " + id);
      }
      before = false;
      transactions.end(last != null && !failsAtCommit.test(last));
    }

    @Override
    public void release() {
      if (released) {
        violations.add("endpoint " + id + " released twice");
      }
      released = true;
    }

    private static String body(Message message) {
      try {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
      } catch (JMSException e) {
        throw new IllegalStateException(e);
      }
    }

    private static int count(Message message) {
      try {
        return message.getIntProperty("JMSXDeliveryCount");
      } catch (JMSException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
