package com.airline.reminder.schedule.boundary;

import com.airline.reminder.schedule.control.ReminderMembers;
import com.airline.reminder.schedule.control.ReminderOwners;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When a reminder instance leaves the data grid, one survivor (ReminderMembers.whenOneLeaves) takes
 * over its reminders at once (ReminderRecovery.adopt), so that they are mailed on time rather than
 * a minute late by the sweep. The grid reports a departure on a thread of its own, without the
 * application's context that beans need: one thread of ours, made while the application starts,
 * does the work.
 */
@ApplicationScoped
public class Takeover {

  private static final Logger LOG = Logger.getLogger(Takeover.class.getName());

  /**
   * How long the departed instance's reminders are tried again while other transactions hold them;
   * after that the minute sweep takes them over.
   */
  private static final Duration HELD_AT_MOST = Duration.ofSeconds(30);

  @Inject ReminderMembers members;
  @Inject ReminderRecovery recovery;
  @Inject ReminderOwners owners;
  @Resource ManagedThreadFactory threads;

  private ThreadPoolExecutor executor;

  /** Watches the grid from now on; called while the application starts. */
  public void start() {
    executor =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    executor.prestartCoreThread(); // made now, on a thread of the starting application: its context
    members.enter();
    members.whenOneLeaves(executor, this::takeOver);
  }

  @PreDestroy
  void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void takeOver(String name) {
    if (members.live().contains(name)) { // started again already, and re-arms its own
      LOG.info(() -> name + " left the data grid and is back");
      return;
    }
    long start = System.nanoTime();
    try {
      int total = 0;
      long deadline = System.nanoTime() + HELD_AT_MOST.toNanos();
      while (true) {
        int taken = recovery.adopt(name);
        total += taken;
        if (taken == ReminderRecovery.BATCH) {
          continue;
        }
        // rows another transaction holds were skipped: a survivor taking them at this moment, or
        // the minute sweep's locking read, which holds every row it scanned until it commits
        if (owners.armedBy(name).isEmpty() || System.nanoTime() > deadline) {
          break;
        }
        Thread.sleep(200);
      }
      int count = total;
      LOG.info(
          () ->
              name
                  + " left the data grid: "
                  + count
                  + " of its reminders taken over here in "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                  + " ms");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Taking over the reminders of " + name + " failed; the minute sweep takes them over",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
