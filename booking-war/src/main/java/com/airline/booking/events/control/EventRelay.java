package com.airline.booking.events.control;

import com.airline.booking.events.entity.OutboxEvent;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.Metric;

/**
 * Publishes outbox rows to the topic exchange booking.events.exchange (airline.events), routing key
 * = event type. A row is marked published only after the broker committed its message (AMQP
 * transaction), in the database transaction that locked it; a crash in between publishes it again:
 * at least once.
 */
@ApplicationScoped
public class EventRelay {

  private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());
  private static final String EVENT_ID = "eventId";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "booking.events.exchange")
  String exchange;

  @Inject
  @ConfigProperty(name = "rabbitmq.host")
  String host;

  @Inject
  @ConfigProperty(name = "rabbitmq.port")
  int port;

  @Inject
  @ConfigProperty(name = "rabbitmq.user")
  String user;

  @Inject
  @ConfigProperty(name = "rabbitmq.password")
  String password;

  @Inject
  @ConfigProperty(name = "rabbitmq.virtual-host")
  String virtualHost;

  @Inject
  @Metric(name = "outbox-published", absolute = true)
  Counter published;

  @Inject
  @Metric(name = "outbox-publish-failures", absolute = true)
  Counter failures;

  // A JMS Connection and Session, not a JMSContext: RmqJmsContext 3.4.0 keeps its session lock
  // forever, so a context works only on the first thread that used it; timers run on many threads.
  private Connection connection;
  private Session session;
  private MessageProducer producer;
  // the AMQP connection under `connection`: tells whether the broker closed it
  private com.rabbitmq.client.Connection amqp;

  /**
   * Publishes up to max unpublished events, oldest first; answers how many the broker took. In a
   * transaction of its own whatever the caller's: a batch is marked published as soon as it is.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public synchronized int publishPending(int max) {
    @SuppressWarnings("unchecked")
    List<OutboxEvent> events =
        em.createNativeQuery(
                "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?1"
                    + " FOR UPDATE SKIP LOCKED",
                OutboxEvent.class)
            .setParameter(1, max)
            .getResultList();
    if (events.isEmpty()) {
      return 0;
    }
    try {
      connect();
      for (OutboxEvent event : events) {
        TextMessage message = session.createTextMessage(event.getPayload());
        message.setStringProperty(EVENT_ID, event.getEventId());
        producer.send(new RMQDestination(exchange, exchange, event.getType(), null), message);
      }
      session.commit(); // returns once the broker has every message of the batch
    } catch (JMSException | RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.warning(() -> events.size() + " events stay in the outbox, the broker failed: " + error);
      events.forEach(event -> event.failed(error));
      failures.inc(events.size());
      disconnect();
      return 0;
    }
    events.forEach(OutboxEvent::published);
    published.inc(events.size());
    return events.size();
  }

  @Gauge(name = "outbox-backlog", unit = MetricUnits.NONE, absolute = true)
  public long backlog() {
    return em.createNamedQuery(OutboxEvent.COUNT_UNPUBLISHED, Long.class).getSingleResult();
  }

  private void connect() throws JMSException {
    if (connection != null && amqp.isOpen()) {
      return;
    }
    disconnect(); // closed by the broker while idle: a new one, rather than a failed batch
    RMQConnectionFactory factory = new RMQConnectionFactory();
    factory.setHost(host);
    factory.setPort(port);
    factory.setUsername(user);
    factory.setPassword(password);
    factory.setVirtualHost(virtualHost);
    factory.setAmqpConnectionFactoryPostProcessor(
        amqpFactory -> {
          // we reconnect ourselves; a self-recovering connection would hide a dead broker
          amqpFactory.setAutomaticRecoveryEnabled(false);
          amqpFactory.setConnectionTimeout(5_000);
          amqpFactory.setChannelRpcTimeout(10_000); // bounds commit(): rows stay locked meanwhile
        });
    factory.setAmqpConnectionPostProcessor(
        opened -> {
          declareExchange(opened);
          amqp = opened;
        });
    factory.setAmqpPropertiesCustomiser(
        (properties, message) -> {
          try {
            return properties
                .contentType("application/json")
                .messageId(message.getStringProperty(EVENT_ID));
          } catch (JMSException e) {
            throw new IllegalStateException(e);
          }
        });
    connection = factory.createConnection();
    session = connection.createSession(true, Session.SESSION_TRANSACTED);
    producer = session.createProducer(null);
    producer.setDeliveryMode(DeliveryMode.PERSISTENT);
  }

  // The JMS client declares nothing for AMQP-mapped destinations.
  private void declareExchange(com.rabbitmq.client.Connection amqp) {
    try (Channel channel = amqp.createChannel()) {
      channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    } catch (Exception e) {
      amqp.abort();
      throw new IllegalStateException("Cannot declare exchange " + exchange, e);
    }
  }

  @PreDestroy
  synchronized void disconnect() {
    if (connection != null) {
      try {
        connection.close();
      } catch (JMSException | RuntimeException e) {
        LOG.fine(() -> "Closing the broken broker connection: " + e);
      }
    }
    connection = null;
    session = null;
    producer = null;
    amqp = null;
  }
}
