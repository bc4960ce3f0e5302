package com.airline.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind of request, for their percentiles. */
final class Stats {

  private final List<Long> millis = new ArrayList<>();

  synchronized void add(long value) {
    millis.add(value);
  }

  /** Takes the other's durations too. */
  void addAll(Stats other) {
    List<Long> theirs;
    synchronized (other) {
      theirs = new ArrayList<>(other.millis);
    }
    synchronized (this) {
      millis.addAll(theirs);
    }
  }

  /** The durations, in the order they came. */
  synchronized List<Long> values() {
    return List.copyOf(millis);
  }

  /** The nearest-rank percentile (0 < p <= 100) in ms; 0 without any value. */
  synchronized long percentile(double p) {
    if (millis.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  @Override
  public String toString() {
    return "p50 " + percentile(50) + " ms, p99 " + percentile(99) + " ms";
  }
}
