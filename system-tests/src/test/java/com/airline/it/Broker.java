package com.airline.it;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** The real RabbitMQ, for tests: publish as a plain JMS client would, look into queues. */
public final class Broker {

  public static final String EVENTS = Airline.EVENTS_EXCHANGE;

  private Broker() {}

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /** Publishes a text message to the run's events exchange, through the JMS client. */
  public static void publishEvent(String routingKey, String body) {
    RMQConnectionFactory factory = new RMQConnectionFactory();
    factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
    factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
    try (JMSContext context = factory.createContext()) {
      TextMessage message = context.createTextMessage(body);
      context.createProducer().send(new RMQDestination(EVENTS, EVENTS, routingKey, null), message);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot publish to " + EVENTS, e);
    }
  }

  /** Messages waiting in a queue (0 if it does not exist). */
  public static int messages(String queue) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    } catch (Exception e) {
      return 0;
    }
  }

  /** Takes one message from a queue and answers its body, or null if there is none. */
  public static String take(String queue) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      GetResponse response = channel.basicGet(queue, true);
      return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + queue, e);
    }
  }

  /**
   * Waits for a message of the queue whose body matches and takes it; the others stay in the queue
   * (peeked, never acknowledged, so returned when the channel closes). A test looks for its own
   * message: others' may be there before it (a queue's dead letters come from every test of the
   * run). Null if none came in time.
   */
  public static String take(String queue, Predicate<String> matching, Duration atMost)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    int seen = -1;
    while (true) {
      int waiting = messages(queue);
      if (waiting != seen) { // peek again only when something new came
        seen = waiting;
        String found = takeFirst(queue, matching);
        if (found != null) {
          return found;
        }
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      Thread.sleep(250);
    }
  }

  private static String takeFirst(String queue, Predicate<String> matching) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      GetResponse response;
      while ((response = channel.basicGet(queue, false)) != null) {
        String body = new String(response.getBody(), StandardCharsets.UTF_8);
        if (matching.test(body)) {
          channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
          return body;
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + queue, e);
    }
  }

  public static void deleteQueues(String... queues) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      for (String queue : queues) {
        channel.queueDelete(queue);
      }
    } catch (Exception e) {
      System.err.println("Could not delete the test queues: " + e.getMessage());
    }
  }

  public static void deleteExchange(String exchange) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      channel.exchangeDelete(exchange);
    } catch (Exception e) {
      System.err.println("Could not delete the test exchange: " + e.getMessage());
    }
  }

  private static Connection amqp() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
    factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
    return factory.newConnection();
  }
}
