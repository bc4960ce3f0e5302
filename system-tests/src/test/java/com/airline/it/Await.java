package com.airline.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what the services do in the background. */
public final class Await {

  private Await() {}

  /** Asks every 200 ms until the condition holds; fails naming what did not happen in time. */
  public static void until(BooleanSupplier condition, Duration atMost, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + atMost + ": " + what);
      }
      Thread.sleep(200);
    }
  }
}
