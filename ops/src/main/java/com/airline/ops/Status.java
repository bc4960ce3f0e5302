package com.airline.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code ./airline status}: one line per instance, then the grid as the instances see it. */
final class Status {

  private static final Pattern GRID_SIZE = Pattern.compile("DG Size: (\\d+)");
  private static final String FORMAT = "%-12s %-10s %-6s %-8s %-12s %-9s %s%n";

  private final Platform platform;
  private final Launcher launcher;

  Status(Platform platform, Launcher launcher) {
    this.platform = platform;
    this.launcher = launcher;
  }

  void print(PrintStream out) {
    Settings settings = platform.settings;
    out.printf(FORMAT, "INSTANCE", "GROUP", "PORT", "PID", "HEALTH", "RESTARTS", "GRID");
    Integer size = null;
    for (Instance instance : platform.known()) {
      Optional<Long> pid = launcher.runningPid(instance);
      Optional<Integer> grid = pid.flatMap(p -> gridSize(instance.log(settings)));
      if (size == null && grid.isPresent()) {
        size = grid.get();
      }
      out.printf(
          FORMAT,
          instance.name(),
          instance.service().name(),
          instance.port(settings),
          pid.map(Object::toString).orElse("-"),
          pid.isPresent() ? launcher.health(instance) : "stopped",
          Supervisor.restarts(settings, instance),
          grid.map(Object::toString).orElse("-"));
    }
    Optional<Long> supervisor = Launcher.pidIn(Supervisor.pidFile(settings), "supervise");
    out.println(
        "grid '"
            + settings.cluster()
            + "': "
            + (size == null ? "no instance running" : size + " members")
            + "; supervisor: "
            + supervisor.map(p -> "pid " + p).orElse("not running"));
  }

  /** The grid's size as the instance last logged it (Payara logs it at every change). */
  static Optional<Integer> gridSize(Path log) {
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
      return lines
          .map(GRID_SIZE::matcher)
          .filter(Matcher::find)
          .map(m -> Integer.parseInt(m.group(1)))
          .reduce((first, second) -> second);
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
