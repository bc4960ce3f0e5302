package com.airline.it;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Calls made at once, each on a thread of its own, as racing clients make them. */
public final class Race {

  private Race() {}

  /** What each call answered, in the order of the calls. */
  public static <T> List<T> run(List<Callable<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(calls)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many calls answered each result (a status, say). */
  public static <T> Map<T, Long> tally(List<Callable<T>> calls) throws Exception {
    return run(calls).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  /** The same call made that many times at once, tallied. */
  public static <T> Map<T, Long> tally(int times, Callable<T> call) throws Exception {
    return tally(Collections.nCopies(times, call));
  }
}
