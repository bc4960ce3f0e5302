package com.airline.rabbitmq;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/** Starts one {@link Activation} per message-driven bean and stops it with the bean or the RAR. */
public class RabbitResourceAdapter implements ResourceAdapter {

  private static final Logger LOG = Logger.getLogger(RabbitResourceAdapter.class.getName());

  private final Map<MessageEndpointFactory, Activation> activations = new ConcurrentHashMap<>();
  private BootstrapContext context;

  @Override
  public void start(BootstrapContext context) {
    this.context = context;
  }

  @Override
  public void stop() {
    activations.values().forEach(Activation::stop);
    activations.clear();
  }

  /**
   * Returns at once: the container makes endpoints only after this returned (calling {@code
   * createEndpoint} in here blocks, then fails), so the connecting is done by a Work.
   */
  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec)
      throws ResourceException {
    if (!(spec instanceof RabbitActivationSpec rabbit)) {
      throw new NotSupportedException("Not a RabbitActivationSpec: " + spec);
    }
    rabbit.validate();
    Activation activation = new Activation(rabbit, factory, transactions());
    activations.put(factory, activation);
    try {
      context.getWorkManager().scheduleWork(activation);
    } catch (WorkException e) {
      activations.remove(factory);
      throw e;
    }
    LOG.info(() -> "Consuming from RabbitMQ queue " + rabbit.getQueue() + " for " + factory);
  }

  /** The container's transaction synchronization registry, or null when it offers none. */
  private TransactionSynchronizationRegistry transactions() {
    try {
      return context.getTransactionSynchronizationRegistry();
    } catch (RuntimeException e) {
      LOG.warning(
          () ->
              "No transaction synchronization registry: a message is acknowledged when its"
                  + " delivery returns, even if the bean's transaction then fails to commit ("
                  + e
                  + ")");
      return null;
    }
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    Activation activation = activations.remove(factory);
    if (activation != null) {
      activation.stop();
    }
  }

  /** No XA: the RabbitMQ JMS client has none. Messages are acknowledged after delivery. */
  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return new XAResource[0];
  }

  // A JavaBean with no properties: equal to any other instance of the class (JCA 5.3.1).
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().hashCode();
  }
}
