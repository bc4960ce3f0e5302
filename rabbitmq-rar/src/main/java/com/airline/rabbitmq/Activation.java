package com.airline.rabbitmq;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * One message-driven bean's consumers: a Work that connects, declares the queue, opens {@code
 * maxSession} sessions each with its own endpoint, then watches the connection and reconnects with
 * backoff (1 s doubling to 30 s) whenever the broker or the connection drops.
 */
class Activation implements Work, ActivationMBean {

  private static final Logger LOG = Logger.getLogger(Activation.class.getName());
  private static final AtomicLong IDS = new AtomicLong();
  private static final long MAX_BACKOFF = 30_000;

  private final RabbitActivationSpec spec;
  private final MessageEndpointFactory factory;
  private final Method onMessage;

  /** The container's, to learn whether a delivery's transaction committed; null without one. */
  private final TransactionSynchronizationRegistry transactions;

  private final Object lock = new Object();
  private final List<MessageEndpoint> endpoints = new CopyOnWriteArrayList<>();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong failed = new AtomicLong();

  private volatile boolean stopped;
  private volatile boolean broken;
  private volatile Connection connection;
  private volatile com.rabbitmq.client.Connection amqp;
  private volatile ExecutorService dispatch;
  private ObjectName name;

  Activation(
      RabbitActivationSpec spec,
      MessageEndpointFactory factory,
      TransactionSynchronizationRegistry transactions) {
    this.spec = spec;
    this.factory = factory;
    this.transactions = transactions;
    try {
      this.onMessage = MessageListener.class.getMethod("onMessage", jakarta.jms.Message.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void run() {
    register();
    long backoff = 1_000;
    try {
      while (!stopped) {
        if (!isConnected()) {
          disconnect();
          try {
            connect();
            backoff = 1_000;
            LOG.info(() -> describe() + ": " + endpoints.size() + " consumers connected");
          } catch (Exception e) {
            if (stopped) {
              break; // stop() during the connect
            }
            long wait = backoff;
            LOG.warning(() -> describe() + ": cannot consume, retrying in " + wait + " ms: " + e);
            disconnect();
            pause(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF);
            continue;
          }
        }
        pause(1_000);
      }
    } finally {
      disconnect();
      unregister();
    }
  }

  /**
   * Stops consuming; returns once no delivery is in progress, no endpoint will be asked for, and
   * the JMX name is free again (a redeployed bean registers the same name at once).
   */
  void stop() {
    stopped = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    disconnect(); // waits for a connect() in progress, which gives up
    unregister();
  }

  @Override
  public void release() {
    stop();
  }

  /**
   * Synchronized with {@link #disconnect}: a stop() during a connect waits for it, and the connect
   * asks for no endpoint once stopped, so none is used after endpointDeactivation returned.
   */
  private synchronized void connect() throws Exception {
    checkNotStopped();
    broken = false;
    // The client hands every channel's deliveries to a pool of this connection, one thread per
    // delivery in progress (onMessage runs on the session's own thread while the pool's thread
    // waits for it): its default size, the number of processors, would cap maxSession.
    ExecutorService pool = dispatchPool();
    dispatch = pool;
    RMQConnectionFactory cf = new RMQConnectionFactory();
    cf.setHost(spec.getHost());
    cf.setPort(spec.portNumber());
    cf.setUsername(spec.getUser());
    cf.setPassword(spec.getPassword());
    cf.setVirtualHost(spec.getVirtualHost());
    // One unacknowledged message per session, rejected alone when its delivery fails (Delivery).
    cf.setChannelsQos(1);
    // The client runs onMessage on a thread of its own and interrupts it after this long (2 s by
    // default): a transaction waiting on a lock or the redelivery pause must not be cut short.
    cf.setOnMessageTimeoutMs(spec.deliveryTimeoutMillis());
    cf.setAmqpConnectionFactoryPostProcessor(
        amqpFactory -> {
          amqpFactory.setAutomaticRecoveryEnabled(false); // we reconnect, and see that we must
          amqpFactory.setConnectionTimeout(5_000);
          // an RPC on a channel the broker broke off (basic.cancel while closing) waits this long,
          // 10 minutes by default: closing such a connection hung the reconnect
          amqpFactory.setChannelRpcTimeout(10_000);
          amqpFactory.setRequestedHeartbeat(15);
          amqpFactory.setSharedExecutor(pool);
        });
    cf.setAmqpConnectionPostProcessor(
        opened -> {
          declare(opened);
          opened.addShutdownListener(cause -> markBroken());
          amqp = opened;
        });
    Connection opened = cf.createConnection();
    connection = opened;
    opened.setExceptionListener(e -> markBroken());
    RMQDestination queue = new RMQDestination(spec.getQueue(), null, null, spec.getQueue());
    for (int i = 0; i < spec.sessions(); i++) {
      Session session = opened.createSession(false, Session.CLIENT_ACKNOWLEDGE);
      checkNotStopped();
      MessageEndpoint endpoint = factory.createEndpoint(null);
      endpoints.add(endpoint);
      session.createConsumer(queue).setMessageListener(new Delivery(this, session, endpoint));
    }
    checkNotStopped();
    opened.start();
  }

  private void checkNotStopped() {
    if (stopped) {
      throw new IllegalStateException("stopped");
    }
  }

  private ExecutorService dispatchPool() {
    AtomicLong threads = new AtomicLong();
    return Executors.newFixedThreadPool(
        spec.sessions(),
        task -> {
          Thread thread =
              new Thread(task, "rabbitmq-" + spec.getQueue() + "-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Durable quorum queues: RabbitMQ counts deliveries and dead-letters past the limit. */
  private void declare(com.rabbitmq.client.Connection opened) {
    try (Channel channel = opened.createChannel()) {
      String dead = spec.deadLetterQueueName();
      channel.queueDeclare(dead, true, false, false, Map.of("x-queue-type", "quorum"));
      channel.queueDeclare(
          spec.getQueue(),
          true,
          false,
          false,
          Map.of(
              "x-queue-type",
              "quorum",
              // returned more often than this: dead-lettered, so delivered maxDeliveries times
              "x-delivery-limit",
              spec.deliveries() - 1,
              "x-dead-letter-exchange",
              "",
              "x-dead-letter-routing-key",
              dead));
      if (spec.getExchange() != null && !spec.getExchange().isBlank()) {
        channel.exchangeDeclare(spec.getExchange(), BuiltinExchangeType.TOPIC, true);
        channel.queueBind(spec.getQueue(), spec.getExchange(), spec.getBindingKey());
      }
    } catch (Exception e) {
      opened.abort();
      throw new IllegalStateException("cannot declare queue " + spec.getQueue() + ": " + e, e);
    }
  }

  /**
   * One delivery to the bean, in the transaction the container begins in beforeDelivery and ends in
   * afterDelivery. Fails when that transaction did not commit: the container only logs a failed
   * commit, and the message must then come again rather than be acknowledged.
   */
  void deliver(jakarta.jms.Message message, MessageEndpoint endpoint) throws Exception {
    endpoint.beforeDelivery(onMessage);
    Outcome outcome = watchTransaction();
    try {
      ((MessageListener) endpoint).onMessage(message);
    } finally {
      endpoint.afterDelivery();
    }
    if (outcome != null && !outcome.committed) {
      throw new IllegalStateException("the bean's transaction did not commit");
    }
  }

  /** Learns how the delivery's transaction ends; null when it runs in none. */
  private Outcome watchTransaction() {
    if (transactions == null || transactions.getTransactionKey() == null) {
      return null;
    }
    Outcome outcome = new Outcome();
    transactions.registerInterposedSynchronization(outcome);
    return outcome;
  }

  private static final class Outcome implements Synchronization {
    private volatile boolean committed;

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      committed = status == Status.STATUS_COMMITTED;
    }
  }

  void markBroken() {
    broken = true;
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  /**
   * A failed delivery's wait before it is put back. An interrupt ends the wait only: the client
   * interrupts a delivery that outlasts deliveryTimeout, and that says nothing about the
   * activation.
   */
  void delay(long millis) {
    await(millis);
  }

  /** Waits, unless stopped meanwhile; false when stopped (an interrupt stops the activation). */
  boolean pause(long millis) {
    if (!await(millis)) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
    return !stopped;
  }

  /** Waits unless stopped or broken meanwhile; false when interrupted. */
  private boolean await(long millis) {
    synchronized (lock) {
      if (!stopped && !broken && millis > 0) {
        try {
          lock.wait(millis);
        } catch (InterruptedException e) {
          return false;
        }
      }
    }
    return true;
  }

  private synchronized void disconnect() {
    Connection closing = connection;
    connection = null;
    if (closing != null) {
      try {
        closing.close(); // waits for a delivery in progress
      } catch (JMSException | RuntimeException e) {
        LOG.log(Level.FINE, "closing a broken connection", e);
      }
    }
    com.rabbitmq.client.Connection underlying = amqp;
    amqp = null;
    if (underlying != null && underlying.isOpen()) {
      underlying.abort();
    }
    ExecutorService pool = dispatch;
    dispatch = null;
    if (pool != null) {
      pool.shutdown(); // the client leaves a pool it was given running
    }
    endpoints.forEach(MessageEndpoint::release);
    endpoints.clear();
  }

  private synchronized void register() {
    if (stopped) {
      return; // stopped before the Work ran: the name may already be a new activation's
    }
    try {
      ObjectName candidate = objectName("");
      if (ManagementFactory.getPlatformMBeanServer().isRegistered(candidate)) {
        candidate = objectName(",id=" + IDS.incrementAndGet());
      }
      ManagementFactory.getPlatformMBeanServer().registerMBean(this, candidate);
      name = candidate;
      LOG.info(() -> "State of " + describe() + " in JMX as " + name);
    } catch (JMException e) {
      LOG.warning(() -> describe() + ": state not published in JMX: " + e);
    }
  }

  private synchronized void unregister() {
    ObjectName registered = name;
    name = null;
    try {
      if (registered != null) {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
      }
    } catch (JMException e) {
      LOG.fine(() -> "unregistering " + registered + ": " + e);
    }
  }

  private ObjectName objectName(String suffix) throws JMException {
    return new ObjectName(
        "com.airline.rabbitmq:type=Consumer,queue=" + ObjectName.quote(spec.getQueue()) + suffix);
  }

  String describe() {
    return "queue " + spec.getQueue() + " at " + spec.getHost() + ":" + spec.getPort();
  }

  RabbitActivationSpec spec() {
    return spec;
  }

  @Override
  public String getQueue() {
    return spec.getQueue();
  }

  @Override
  public boolean isConnected() {
    com.rabbitmq.client.Connection current = amqp;
    return !broken && connection != null && current != null && current.isOpen();
  }

  @Override
  public int getConsumers() {
    return isConnected() ? endpoints.size() : 0;
  }

  @Override
  public long getDelivered() {
    return delivered.get();
  }

  @Override
  public long getFailed() {
    return failed.get();
  }
}
