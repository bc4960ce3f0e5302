package com.airline.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Brings back instances that died, as PM2 does for Node services: an instance whose pid file is
 * left while its process is gone (a clean stop removes the file first) is started again after a
 * backoff that doubles with each restart in a row (1 s, 2 s, 4 s ... 60 s) and starts over once an
 * instance has stayed up a minute. Each restart is counted in {@code run/<instance>.restarts}. It
 * also rotates the home's logs past AIRLINE_LOG_MAX_BYTES ({@link Logs}).
 */
final class Supervisor {

  static final Duration STABLE = Duration.ofMinutes(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(60);

  private final Platform platform;
  private final Launcher launcher;
  private final PrintStream out;
  private final Map<Instance, Backoff> backoffs = new HashMap<>();

  Supervisor(Platform platform, Launcher launcher, PrintStream out) {
    this.platform = platform;
    this.launcher = launcher;
    this.out = out;
  }

  static Path pidFile(Settings settings) {
    return settings.home().resolve("run").resolve("supervisor.pid");
  }

  /** Restarts in a row, and when the next may happen. */
  static final class Backoff {
    private int inARow;
    private Instant lastRestart = Instant.EPOCH;
    private Instant notBefore = Instant.EPOCH;

    /** Called when the instance is found dead: when it may be started again. */
    Instant deadAt(Instant now) {
      if (notBefore.isAfter(lastRestart)) {
        return notBefore; // this death is already scheduled
      }
      if (Duration.between(lastRestart, now).compareTo(STABLE) >= 0) {
        inARow = 0;
      }
      long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(inARow, 6));
      notBefore = now.plusSeconds(seconds);
      return notBefore;
    }

    void restarted(Instant now) {
      inARow++;
      lastRestart = now;
    }
  }

  void run() throws InterruptedException {
    Settings settings = platform.settings;
    long maxLogBytes = Long.parseLong(settings.get("AIRLINE_LOG_MAX_BYTES", "52428800"));
    out.println(Instant.now() + " supervising the instances of " + settings.home());
    while (true) {
      for (Instance instance : platform.known()) {
        check(instance, Instant.now());
      }
      try {
        Logs.rotate(settings.home().resolve("logs"), maxLogBytes);
      } catch (IOException e) {
        out.println(Instant.now() + " could not rotate the logs: " + e);
      }
      Thread.sleep(1000);
    }
  }

  private void check(Instance instance, Instant now) {
    Path pidFile = instance.pidFile(platform.settings);
    if (!Files.exists(pidFile) || launcher.runningPid(instance).isPresent()) {
      return;
    }
    Backoff backoff = backoffs.computeIfAbsent(instance, i -> new Backoff());
    Instant when = backoff.deadAt(now);
    if (now.isBefore(when)) {
      return;
    }
    try {
      int count = restarts(platform.settings, instance) + 1;
      out.println(
          now
              + " "
              + instance.name()
              + " is not running: starting it again (restart "
              + count
              + ")");
      if (launcher.startUnlessRunning(instance)) {
        Files.writeString(instance.restartsFile(platform.settings), count + "\n");
      }
      backoff.restarted(now);
    } catch (IOException | RuntimeException e) {
      backoff.restarted(now);
      out.println(now + " " + instance.name() + " could not be started: " + e.getMessage());
    }
  }

  static int restarts(Settings settings, Instance instance) {
    try {
      return Integer.parseInt(Files.readString(instance.restartsFile(settings)).strip());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
