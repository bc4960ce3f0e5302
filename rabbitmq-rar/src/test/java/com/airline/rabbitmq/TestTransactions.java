package com.airline.rabbitmq;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's transaction around a delivery, as far as the adapter sees it: begun by the
 * endpoint's beforeDelivery on the delivering thread, ended by its afterDelivery, which tells the
 * interposed synchronizations whether it committed.
 */
final class TestTransactions implements TransactionSynchronizationRegistry {

  private final ThreadLocal<List<Synchronization>> current = new ThreadLocal<>();

  void begin() {
    current.set(new ArrayList<>());
  }

  void end(boolean committed) {
    List<Synchronization> synchronizations = current.get();
    current.remove();
    if (synchronizations == null) {
      return; // afterDelivery without beforeDelivery: the endpoint records that breach
    }
    int status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
    synchronizations.forEach(s -> s.afterCompletion(status));
  }

  @Override
  public Object getTransactionKey() {
    return current.get();
  }

  @Override
  public void registerInterposedSynchronization(Synchronization synchronization) {
    List<Synchronization> synchronizations = current.get();
    if (synchronizations == null) {
      throw new IllegalStateException("no transaction on this thread");
    }
    synchronizations.add(synchronization);
  }

  @Override
  public int getTransactionStatus() {
    return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
  }

  @Override
  public void putResource(Object key, Object value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object getResource(Object key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void setRollbackOnly() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean getRollbackOnly() {
    return false;
  }
}
