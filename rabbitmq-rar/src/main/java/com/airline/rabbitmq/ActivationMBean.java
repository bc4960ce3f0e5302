package com.airline.rabbitmq;

/**
 * What an activation shows in JMX ({@code com.airline.rabbitmq:type=Consumer,queue="..."}), so that
 * the application's readiness can tell whether its consumers are connected.
 */
public interface ActivationMBean {

  String getQueue();

  boolean isConnected();

  /** Consumers currently registered with the broker. */
  int getConsumers();

  long getDelivered();

  long getFailed();
}
