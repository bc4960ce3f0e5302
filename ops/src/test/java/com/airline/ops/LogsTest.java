package com.airline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {

  @TempDir Path logs;

  @Test
  void keep_keepsThreeGenerations() throws Exception {
    Path log = logs.resolve("flights-1.log");
    for (int i = 1; i <= 5; i++) {
      Files.writeString(log, "run " + i);
      Logs.keep(log);
    }
    assertFalse(Files.exists(log));
    assertEquals("run 5", Files.readString(Logs.generation(log, 1)));
    assertEquals("run 4", Files.readString(Logs.generation(log, 2)));
    assertEquals("run 3", Files.readString(Logs.generation(log, 3)));
    assertFalse(Files.exists(Logs.generation(log, 4)));
  }

  /**
   * A writer that appends (as an instance's redirected output does) goes on in the emptied file.
   */
  @Test
  void rotate_copiesAndEmptiesALogPastItsSize_underItsWriter() throws Exception {
    Path log = logs.resolve("gateway-1-access.jsonl");
    Path small = logs.resolve("auth-1.log");
    Files.writeString(small, "short\n");
    try (FileOutputStream writer = new FileOutputStream(log.toFile(), true)) {
      writer.write("0123456789\n".repeat(10).getBytes(StandardCharsets.UTF_8));
      Logs.rotate(logs, 100);
      writer.write("after\n".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("0123456789\n".repeat(10), Files.readString(Logs.generation(log, 1)));
    assertEquals("after\n", Files.readString(log));
    assertEquals("short\n", Files.readString(small));
    assertFalse(Files.exists(Logs.generation(small, 1)));
  }
}
