package com.airline.rabbitmq;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message-driven bean asks for, through its {@code @ActivationConfigProperty}s. The broker's
 * address and credentials default to the environment ({@code RABBITMQ_HOST}, {@code RABBITMQ_PORT},
 * {@code RABBITMQ_USER}, {@code RABBITMQ_PASSWORD}, {@code RABBITMQ_VIRTUAL_HOST}), as for every
 * service, so that they are never written into the bean. Any property may be given as {@code
 * ${ENV_NAME:default}}.
 *
 * <p>The queue is declared as a durable quorum queue: RabbitMQ counts its deliveries and moves a
 * message delivered {@code maxDeliveries} times without success to {@code deadLetterQueue}.
 */
public class RabbitActivationSpec implements ActivationSpec {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+):([^}]*)}");

  private ResourceAdapter adapter;
  private String host = env("RABBITMQ_HOST", "127.0.0.1");
  private String port = env("RABBITMQ_PORT", "5672");
  private String user = env("RABBITMQ_USER", "guest");
  private String password = env("RABBITMQ_PASSWORD", "guest");
  private String virtualHost = env("RABBITMQ_VIRTUAL_HOST", "/");
  private String queue;
  private String exchange;
  private String bindingKey = "#";
  private String deadLetterQueue;
  private String maxSession = "2";
  private String maxDeliveries = "5";
  private String redeliveryDelay = "1000";
  private String deliveryTimeout = "600000";

  /**
   * Resolves {@code ${NAME:default}} from the environment: Payara resolves its own {@code
   * ${MPCONFIG=...}} before the application's configuration is visible, so an MDB cannot use it.
   */
  static String resolve(String value) {
    Matcher placeholder = PLACEHOLDER.matcher(value == null ? "" : value);
    return placeholder.matches() ? env(placeholder.group(1), placeholder.group(2)) : value;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public void validate() throws InvalidPropertyException {
    if (queue == null || queue.isBlank()) {
      throw new InvalidPropertyException("queue is required");
    }
    for (String[] number :
        new String[][] {
          {"port", port},
          {"maxSession", maxSession},
          {"maxDeliveries", maxDeliveries},
          {"redeliveryDelay", redeliveryDelay},
          {"deliveryTimeout", deliveryTimeout}
        }) {
      try {
        if (Integer.parseInt(number[1]) < (number[0].equals("redeliveryDelay") ? 0 : 1)) {
          throw new InvalidPropertyException(number[0] + " is out of range: " + number[1]);
        }
      } catch (NumberFormatException e) {
        throw new InvalidPropertyException(number[0] + " is not a number: " + number[1]);
      }
    }
  }

  String deadLetterQueueName() {
    return deadLetterQueue == null || deadLetterQueue.isBlank() ? queue + ".dead" : deadLetterQueue;
  }

  int portNumber() {
    return Integer.parseInt(port);
  }

  int sessions() {
    return Integer.parseInt(maxSession);
  }

  int deliveries() {
    return Integer.parseInt(maxDeliveries);
  }

  long redeliveryDelayMillis() {
    return Long.parseLong(redeliveryDelay);
  }

  int deliveryTimeoutMillis() {
    return Integer.parseInt(deliveryTimeout);
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return adapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) {
    this.adapter = adapter;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = resolve(host);
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = resolve(port);
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = resolve(user);
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = resolve(password);
  }

  public String getVirtualHost() {
    return virtualHost;
  }

  public void setVirtualHost(String virtualHost) {
    this.virtualHost = resolve(virtualHost);
  }

  public String getQueue() {
    return queue;
  }

  public void setQueue(String queue) {
    this.queue = resolve(queue);
  }

  /** The standard MDB name of the queue; the same as {@link #setQueue}. */
  public String getDestination() {
    return queue;
  }

  public void setDestination(String destination) {
    this.queue = resolve(destination);
  }

  /** Always a queue; accepted because containers pass it. */
  public String getDestinationType() {
    return "jakarta.jms.Queue";
  }

  public void setDestinationType(String type) {
    if (!"jakarta.jms.Queue".equals(type)) {
      throw new IllegalArgumentException("Only jakarta.jms.Queue is supported, not " + type);
    }
  }

  public String getExchange() {
    return exchange;
  }

  /** A topic exchange the queue is bound to (declared durable if missing); none by default. */
  public void setExchange(String exchange) {
    this.exchange = resolve(exchange);
  }

  public String getBindingKey() {
    return bindingKey;
  }

  public void setBindingKey(String bindingKey) {
    this.bindingKey = resolve(bindingKey);
  }

  public String getDeadLetterQueue() {
    return deadLetterQueue;
  }

  public void setDeadLetterQueue(String deadLetterQueue) {
    this.deadLetterQueue = resolve(deadLetterQueue);
  }

  public String getMaxSession() {
    return maxSession;
  }

  public void setMaxSession(String maxSession) {
    this.maxSession = resolve(maxSession);
  }

  public String getMaxDeliveries() {
    return maxDeliveries;
  }

  public void setMaxDeliveries(String maxDeliveries) {
    this.maxDeliveries = resolve(maxDeliveries);
  }

  public String getRedeliveryDelay() {
    return redeliveryDelay;
  }

  /** Milliseconds to wait before a failed message goes back to the queue. */
  public void setRedeliveryDelay(String redeliveryDelay) {
    this.redeliveryDelay = resolve(redeliveryDelay);
  }

  public String getDeliveryTimeout() {
    return deliveryTimeout;
  }

  /** Milliseconds one delivery may take before the RabbitMQ client interrupts it (10 min). */
  public void setDeliveryTimeout(String deliveryTimeout) {
    this.deliveryTimeout = resolve(deliveryTimeout);
  }
}
