package com.airline.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggingConfigurationTest {

  /** Stands for Payara's ODL formatter. */
  public static final class Marked extends SimpleFormatter {}

  @TempDir Path dir;

  @AfterEach
  void restore() throws Exception {
    System.clearProperty("java.util.logging.config.class");
    System.clearProperty("java.util.logging.config.file");
    LogManager.getLogManager().readConfiguration();
  }

  @Test
  void readConfiguration_asSetLogLevelsDoes_keepsTheFormatterAndTheHandlersFilter()
      throws Exception {
    Path file = dir.resolve("logging.properties");
    Files.writeString(
        file,
        """
        handlers=java.util.logging.ConsoleHandler
        java.util.logging.ConsoleHandler.formatter=com.airline.logging.LoggingConfigurationTest$Marked
        java.util.logging.ConsoleHandler.level=FINE
        .level=INFO
        com.airline.flights.level=INFO
        """);
    System.setProperty("java.util.logging.config.file", file.toString());
    LogManager.getLogManager().readConfiguration(Files.newInputStream(file));
    Filter tagging = (LogRecord record) -> true;
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFilter(tagging);
    }

    // what set-log-levels com.airline.flights=FINE does on Payara Micro
    Files.writeString(
        file, Files.readString(file).replace("flights.level=INFO", "flights.level=FINE"));
    System.setProperty("java.util.logging.config.class", LoggingConfiguration.class.getName());
    LogManager.getLogManager().readConfiguration();

    Handler[] handlers = Logger.getLogger("").getHandlers();
    assertEquals(1, handlers.length);
    assertInstanceOf(ConsoleHandler.class, handlers[0]);
    assertInstanceOf(Marked.class, handlers[0].getFormatter());
    assertSame(tagging, handlers[0].getFilter());
    assertEquals(Level.FINE, Logger.getLogger("com.airline.flights").getLevel());
  }
}
