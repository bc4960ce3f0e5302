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

  static void deleteQueues(String... queues) {
    try (Connection connection = amqp();
        Channel channel = connection.createChannel()) {
      for (String queue : queues) {
        channel.queueDelete(queue);
      }
    } catch (Exception e) {
      System.err.println("Could not delete the test queues: " + e.getMessage());
    }
  }

  static void deleteExchange(String exchange) {
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
