package com.airline.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the load got, second by second from its start: per kind of request (book, search, cancel)
 * how many were answered as they should be, how many got 503/504 problem+json (a service away), how
 * many got anything else (a 5xx that is not a problem, no answer), and their durations. Fault
 * windows are marked on it; {@link #svg} draws throughput and p99 over time with the windows
 * shaded.
 */
final class Timeline {

  /** Durations of one second's requests of one kind, and how they ended. */
  private static final class Second {
    int answered;
    int unavailable;
    int wrong;
    final Stats millis = new Stats();
  }

  /** A fault's window, seconds from the start. */
  record Window(String name, long from, long to) {}

  private final long started = System.nanoTime();
  private final Map<String, TreeMap<Long, Second>> kinds = new TreeMap<>();
  private final List<Window> windows = new ArrayList<>();

  long now() {
    return (System.nanoTime() - started) / 1_000_000_000;
  }

  /** How one request ended: answered as it should be, unavailable (503/504 problem), or wrong. */
  enum End {
    ANSWERED,
    UNAVAILABLE,
    WRONG
  }

  synchronized void add(String kind, long second, End end, long millis) {
    Second s =
        kinds
            .computeIfAbsent(kind, k -> new TreeMap<>())
            .computeIfAbsent(second, k -> new Second());
    switch (end) {
      case ANSWERED -> s.answered++;
      case UNAVAILABLE -> s.unavailable++;
      case WRONG -> s.wrong++;
    }
    s.millis.add(millis);
  }

  synchronized void window(String name, long from, long to) {
    windows.add(new Window(name, from, to));
  }

  synchronized List<Window> windows() {
    return List.copyOf(windows);
  }

  /** Answered per second of that kind over the seconds from..to (inclusive). */
  synchronized double rate(String kind, long from, long to) {
    long answered =
        kinds.getOrDefault(kind, new TreeMap<>()).subMap(from, true, to, true).values().stream()
            .mapToLong(s -> s.answered)
            .sum();
    return (double) answered / Math.max(1, to - from + 1);
  }

  /** The durations of that kind over the seconds from..to (inclusive). */
  synchronized Stats stats(String kind, long from, long to) {
    Stats stats = new Stats();
    kinds
        .getOrDefault(kind, new TreeMap<>())
        .subMap(from, true, to, true)
        .values()
        .forEach(s -> stats.addAll(s.millis));
    return stats;
  }

  /** How many requests of the kind (null: any) ended so over the seconds from..to (inclusive). */
  synchronized long count(String kind, End end, long from, long to) {
    long n = 0;
    for (var seconds :
        kind == null ? kinds.values() : List.of(kinds.getOrDefault(kind, new TreeMap<>()))) {
      for (Second s : seconds.subMap(from, true, to, true).values()) {
        n +=
            switch (end) {
              case ANSWERED -> s.answered;
              case UNAVAILABLE -> s.unavailable;
              case WRONG -> s.wrong;
            };
      }
    }
    return n;
  }

  /**
   * The chart: answered per second per kind, p99 per kind, unavailable per second; windows shaded.
   */
  synchronized String svg() {
    long end =
        Math.max(
            1,
            kinds.values().stream().mapToLong(m -> m.isEmpty() ? 0 : m.lastKey()).max().orElse(1));
    int width = 960;
    int panel = 180;
    int left = 60;
    int top = 30;
    double dx = (double) (width - left - 20) / end;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"system-ui,sans-serif\" font-size=\"11\">%n",
            width,
            top + 2 * panel + 90));
    for (Window w : windows) {
      double x = left + w.from() * dx;
      double wide = Math.max(2, (w.to() - w.from()) * dx);
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#f6d5d5\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" fill=\"#a33\">%s</text>%n",
              x,
              top,
              wide,
              2 * panel + 20,
              x + 2,
              top - 4 - 10 * (windows.indexOf(w) % 2),
              Report.escape(w.name())));
    }
    String[] colours = {"#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e"};
    double most = 1;
    double slowest = 1;
    for (var seconds : kinds.values()) {
      for (Second s : seconds.values()) {
        most = Math.max(most, s.answered);
        most = Math.max(most, s.unavailable + s.wrong);
        slowest = Math.max(slowest, s.millis.percentile(99));
      }
    }
    int base1 = top + panel;
    int base2 = top + 2 * panel + 20;
    axis(svg, left, top, base1, width, "answered per second", most);
    axis(svg, left, base1 + 20, base2, width, "p99 ms", slowest);
    int colour = 0;
    int legend = left;
    for (var entry : kinds.entrySet()) {
      String c = colours[colour++ % colours.length];
      StringBuilder rate = new StringBuilder();
      StringBuilder p99 = new StringBuilder();
      long previous = -1;
      for (var s : entry.getValue().entrySet()) {
        if (previous >= 0 && s.getKey() - previous > 2) {
          // the load paused (the ledger between faults): no line across the gap
          svg.append(polyline(rate, c)).append(polyline(p99, c));
          rate.setLength(0);
          p99.setLength(0);
        }
        previous = s.getKey();
        double x = left + s.getKey() * dx;
        rate.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", x, base1 - s.getValue().answered * (panel - 10) / most));
        p99.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                x,
                base2 - s.getValue().millis.percentile(99) * (panel - 10) / slowest));
      }
      svg.append(polyline(rate, c)).append(polyline(p99, c));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              legend,
              base2 + 25,
              c,
              legend + 14,
              base2 + 34,
              Report.escape(entry.getKey())));
      legend += 110;
    }
    StringBuilder failed = new StringBuilder();
    for (long second = 0; second <= end; second++) {
      int n = 0;
      for (var seconds : kinds.values()) {
        Second s = seconds.get(second);
        n += s == null ? 0 : s.unavailable + s.wrong;
      }
      failed.append(
          String.format(
              Locale.ROOT, "%.1f,%.1f ", left + second * dx, base1 - n * (panel - 10) / most));
    }
    svg.append(polyline(failed, "#d62728"));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"#d62728\"/>"
                + "<text x=\"%d\" y=\"%d\">not answered (503/504 or worse)</text>%n"
                + "<text x=\"%d\" y=\"%d\">seconds since the load began (0 to %d); shaded: faults</text>%n",
            legend,
            base2 + 25,
            legend + 14,
            base2 + 34,
            left,
            base2 + 55,
            end));
    return svg.append("</svg>\n").toString();
  }

  private static void axis(
      StringBuilder svg, int left, int top, int base, int width, String label, double most) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>"
                + "<text x=\"4\" y=\"%d\">%.0f</text><text x=\"4\" y=\"%d\">0</text>"
                + "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n",
            left,
            base,
            width - 20,
            base,
            left,
            top,
            left,
            base,
            top + 10,
            most,
            base,
            left + 4,
            top + 12,
            label));
  }

  private static String polyline(StringBuilder points, String colour) {
    return "<polyline fill=\"none\" stroke=\""
        + colour
        + "\" stroke-width=\"1.2\" points=\""
        + points.toString().strip()
        + "\"/>\n";
  }
}
