package com.airline.rabbitmq;

import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.client.RMQMessage;
import com.rabbitmq.jms.client.RMQSession;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Hands each message of one session to the session's endpoint, acknowledges it once the delivery
 * (and the bean's transaction) succeeded, and puts it back when it failed.
 */
class Delivery implements MessageListener {

  private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

  /**
   * The session's AMQP channel, to reject one delivery. {@code Session.recover()} (a basic.recover
   * of everything unacknowledged on the channel) broke down under bursts of failing messages: the
   * broker closed channels for acknowledging unknown delivery tags (406), every reconnect counted a
   * delivery of the messages in flight, and closing such a connection could hang. The client offers
   * no per-message reject, so its package-private accessor is opened once.
   */
  private static final Method CHANNEL = channelAccessor();

  private final Activation activation;
  private final Session session;
  private final MessageEndpoint endpoint;

  Delivery(Activation activation, Session session, MessageEndpoint endpoint) {
    this.activation = activation;
    this.session = session;
    this.endpoint = endpoint;
  }

  @Override
  public void onMessage(Message message) {
    try {
      activation.deliver(message, endpoint);
      message.acknowledge();
      activation.delivered.incrementAndGet();
    } catch (Throwable e) {
      activation.failed.incrementAndGet();
      redeliver(message, e);
    }
  }

  private void redeliver(Message message, Throwable failure) {
    String id = describe(message);
    int attempt = attempt(message);
    int limit = activation.spec().deliveries();
    String why = rootCause(failure);
    if (attempt >= limit) {
      LOG.severe(
          () ->
              "Message "
                  + id
                  + " failed "
                  + attempt
                  + " times, RabbitMQ moves it to "
                  + activation.spec().deadLetterQueueName()
                  + ": "
                  + why);
    } else {
      LOG.warning(
          () -> "Message " + id + " failed (delivery " + attempt + " of " + limit + "): " + why);
      activation.delay(activation.spec().redeliveryDelayMillis());
    }
    try {
      // requeued: the quorum queue counts the return, and dead-letters it past the limit
      channelOf(session).basicReject(((RMQMessage) message).getRabbitDeliveryTag(), true);
    } catch (Exception e) {
      LOG.warning(() -> "Cannot put message " + id + " back, reconnecting: " + e);
      activation.markBroken(); // a new connection gets it back from the broker
    }
  }

  /** The AMQP channel under a session of the RabbitMQ JMS client. */
  private static Channel channelOf(Session session) {
    try {
      return (Channel) CHANNEL.invoke(session);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot reach the channel of " + session, e);
    }
  }

  private static Method channelAccessor() {
    try {
      Method accessor = RMQSession.class.getDeclaredMethod("getChannel");
      accessor.setAccessible(true);
      return accessor;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("this RabbitMQ JMS client has no RMQSession.getChannel()", e);
    }
  }

  private static int attempt(Message message) {
    try {
      return message.propertyExists("JMSXDeliveryCount")
          ? message.getIntProperty("JMSXDeliveryCount")
          : 1;
    } catch (JMSException e) {
      return 1;
    }
  }

  private static String describe(Message message) {
    try {
      return message.getJMSMessageID();
    } catch (JMSException e) {
      return "(no id)";
    }
  }

  static String rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getName() + ": " + cause.getMessage();
  }
}
