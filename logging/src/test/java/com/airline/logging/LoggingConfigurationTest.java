package com.airline.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void readConfiguration_asSetLogLevelsDoes_keepsFormatterAndFilter_andSetsThePackagesLevel()
      throws Exception {
    Path file = dir.resolve("logging.properties");
    Files.writeString(
        file,
        """
        handlers=java.util.logging.ConsoleHandler
        java.util.logging.ConsoleHandler.formatter=com.airline.logging.LoggingConfigurationTest$Marked
        java.util.logging.ConsoleHandler.level=FINE
        .level=INFO
        com.airline.level=INFO
        """);
    System.setProperty("java.util.logging.config.file", file.toString());
    LogManager.getLogManager().readConfiguration(Files.newInputStream(file));
    Filter tagging = (LogRecord record) -> true;
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      handler.setFilter(tagging);
    }
    // a class's logger, made before the change: its nearest parent is com.airline's
    Logger search = Logger.getLogger("com.airline.flights.schedule.control.SearchCache");
    assertFalse(search.isLoggable(Level.FINE));

    // what set-log-levels com.airline.flights=FINE does on Payara Micro
    Files.writeString(file, Files.readString(file) + "com.airline.flights.level=FINE\n");
    System.setProperty("java.util.logging.config.class", LoggingConfiguration.class.getName());
    LogManager.getLogManager().readConfiguration();

    Handler[] handlers = Logger.getLogger("").getHandlers();
    assertEquals(1, handlers.length);
    assertInstanceOf(ConsoleHandler.class, handlers[0]);
    assertInstanceOf(Marked.class, handlers[0].getFormatter());
    assertSame(tagging, handlers[0].getFilter());
    assertTrue(search.isLoggable(Level.FINE), "the package's level reaches its classes' loggers");
    assertFalse(Logger.getLogger("com.airline.booking").isLoggable(Level.FINE));
  }
}
