package com.airline.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The logs of a home ({@code logs/}): each kept with three older generations, {@code .1} the
 * newest. An instance's log moves there when the instance starts again (the log of one that died is
 * the one that tells why); a log past its size is copied there and emptied under the process that
 * writes it (which appends, so it goes on at the start of the emptied file; what it writes between
 * the copy and the emptying is lost, as with logrotate's copytruncate).
 */
final class Logs {

  static final int GENERATIONS = 3;

  private Logs() {}

  /** Moves the log to .1, the older ones one further. */
  static void keep(Path log) throws IOException {
    if (!Files.exists(log) || Files.size(log) == 0) {
      return;
    }
    shift(log);
    Files.move(log, generation(log, 1), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Rotates every current log of the folder (*.log, *.jsonl) larger than maxBytes. */
  static void rotate(Path folder, long maxBytes) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> logs;
    try (Stream<Path> files = Files.list(folder)) {
      logs =
          files
              .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".jsonl"))
              .toList();
    }
    for (Path log : logs) {
      if (Files.size(log) > maxBytes) {
        shift(log);
        Files.copy(log, generation(log, 1), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
          channel.truncate(0);
        }
      }
    }
  }

  private static void shift(Path log) throws IOException {
    for (int i = GENERATIONS - 1; i >= 1; i--) {
      Path older = generation(log, i);
      if (Files.exists(older)) {
        Files.move(older, generation(log, i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  static Path generation(Path log, int n) {
    return log.resolveSibling(log.getFileName() + "." + n);
  }
}
