package com.airline.reminder.schedule.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Threads for the mails sent right after a commit (confirmations, cancellations). Made by the
 * container's ManagedThreadFactory, so each carries the application's context from its start:
 * Payara's ManagedExecutorService captures that context anew for every task, and searches the class
 * path for context providers each time (a tenth of this service's CPU under load). A task holds
 * only a reminder id; one lost with the process is found overdue by the sweep.
 */
@ApplicationScoped
public class MailThreads {

  private static final Logger LOG = Logger.getLogger(MailThreads.class.getName());

  /** Fewer than the SMTP connections the mailer keeps (8), which the timers' mails share. */
  private static final int THREADS = 4;

  @Resource ManagedThreadFactory threads;

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor =
        new ThreadPoolExecutor(
            THREADS, THREADS, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warning(() -> executor.shutdownNow().size() + " mails left to the sweep");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void execute(Runnable task) {
    executor.execute(task);
  }
}
