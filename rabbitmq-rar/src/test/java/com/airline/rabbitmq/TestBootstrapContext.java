package com.airline.rabbitmq;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Timer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application server's side of JCA that the adapter uses: a WorkManager running each Work on a
 * thread of its own and the registry of the deliveries' transactions (no work contexts).
 */
final class TestBootstrapContext implements BootstrapContext {

  private final ThreadWorkManager workManager = new ThreadWorkManager();
  final TestTransactions transactions = new TestTransactions();

  ThreadWorkManager works() {
    return workManager;
  }

  @Override
  public WorkManager getWorkManager() {
    return workManager;
  }

  @Override
  public XATerminator getXATerminator() {
    return null;
  }

  @Override
  public Timer createTimer() {
    return new Timer(true);
  }

  @Override
  public boolean isContextSupported(Class<? extends WorkContext> workContextClass) {
    return false;
  }

  @Override
  public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
    return transactions;
  }

  /**
   * Runs every Work on a new thread named {@code work-N}; keeps the threads and what they threw.
   */
  static final class ThreadWorkManager implements WorkManager {

    private final AtomicInteger ids = new AtomicInteger();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();

    @Override
    public void doWork(Work work) throws WorkException {
      doWork(work, INDEFINITE, null, null);
    }

    @Override
    public void doWork(
        Work work, long startTimeout, ExecutionContext context, WorkListener listener)
        throws WorkException {
      try {
        start(work, listener).join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WorkException(e);
      }
    }

    @Override
    public long startWork(Work work) {
      return startWork(work, INDEFINITE, null, null);
    }

    @Override
    public long startWork(
        Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
      start(work, listener);
      return 0;
    }

    @Override
    public void scheduleWork(Work work) {
      scheduleWork(work, INDEFINITE, null, null);
    }

    @Override
    public void scheduleWork(
        Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
      start(work, listener);
    }

    private Thread start(Work work, WorkListener listener) {
      if (listener != null) {
        listener.workAccepted(new WorkEvent(this, WorkEvent.WORK_ACCEPTED, work, null));
      }
      Thread thread =
          new Thread(
              () -> {
                if (listener != null) {
                  listener.workStarted(new WorkEvent(this, WorkEvent.WORK_STARTED, work, null));
                }
                try {
                  work.run();
                } catch (Throwable e) {
                  failures.add(e);
                } finally {
                  if (listener != null) {
                    listener.workCompleted(
                        new WorkEvent(this, WorkEvent.WORK_COMPLETED, work, null));
                  }
                }
              },
              "work-" + ids.incrementAndGet());
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
      return thread;
    }

    /** True when every Work returned within the time. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      for (Thread thread : threads) {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        thread.join(left);
        if (thread.isAlive()) {
          return false;
        }
      }
      return true;
    }
  }
}
