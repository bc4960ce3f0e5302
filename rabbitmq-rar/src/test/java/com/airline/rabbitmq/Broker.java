package com.airline.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The test's own view of RabbitMQ over the plain AMQP client: publishes persistent messages with
 * publisher confirms, and looks at queues the way an operator would. A connection per call, so that
 * a passive declare of a missing queue (which closes its channel) costs nothing.
 */
final class Broker {

  static final String HOST = env("RABBITMQ_HOST", "127.0.0.1");
  static final int PORT = Integer.parseInt(env("RABBITMQ_PORT", "5672"));

  private Broker() {}

  interface ChannelWork<T> {
    T apply(Channel channel) throws Exception;
  }

  static <T> T withChannel(ChannelWork<T> work) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(HOST);
    factory.setPort(PORT);
    factory.setUsername(env("RABBITMQ_USER", "guest"));
    factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
    factory.setVirtualHost(env("RABBITMQ_VIRTUAL_HOST", "/"));
    factory.setConnectionTimeout(5_000);
    factory.setAutomaticRecoveryEnabled(false);
    try (Connection connection = factory.newConnection("rabbitmq-rar-it");
        Channel channel = connection.createChannel()) {
      return work.apply(channel);
    }
  }

  /** Publishes persistent messages to the queue through the default exchange, confirmed. */
  static void publish(String queue, String... bodies) throws Exception {
    publishTo("", queue, bodies);
  }

  static void publishTo(String exchange, String routingKey, String... bodies) throws Exception {
    withChannel(
        channel -> {
          channel.confirmSelect();
          for (String body : bodies) {
            channel.basicPublish(
                exchange,
                routingKey,
                MessageProperties.PERSISTENT_BASIC,
                body.getBytes(StandardCharsets.UTF_8));
          }
          channel.waitForConfirmsOrDie(10_000);
          return null;
        });
  }

  /** Ready messages and consumers, from a passive declare; fails if the queue is missing. */
  static AMQP.Queue.DeclareOk state(String queue) throws Exception {
    return withChannel(channel -> channel.queueDeclarePassive(queue));
  }

  static int consumers(String queue) throws Exception {
    return state(queue).getConsumerCount();
  }

  static int messages(String queue) throws Exception {
    return state(queue).getMessageCount();
  }

  static boolean exists(String queue) throws Exception {
    try {
      state(queue);
      return true;
    } catch (IOException e) {
      return false; // 404 NOT_FOUND closes the channel
    }
  }

  /** Takes one message off the queue (acknowledged), or null. */
  static GetResponse take(String queue) throws Exception {
    return withChannel(channel -> channel.basicGet(queue, true));
  }

  static void deleteQueues(String... queues) throws Exception {
    for (String queue : queues) {
      withChannel(channel -> channel.queueDelete(queue));
    }
  }

  static void deleteExchange(String exchange) throws Exception {
    withChannel(channel -> channel.exchangeDelete(exchange));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
