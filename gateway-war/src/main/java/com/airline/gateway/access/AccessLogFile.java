package com.airline.gateway.access;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The access log's file: gateway.access-log.file, by default {@code $AIRLINE_HOME/logs/
 * <instance>-access.jsonl} (beside the launcher's logs, one per gateway instance) or the instance's
 * own logs directory. A handler of its own that writes each line as it is: Payara's log formatter
 * would wrap every record in its own fields. Rotation is left to the host (copytruncate).
 */
@ApplicationScoped
public class AccessLogFile {

  private static final Logger LOG = Logger.getLogger(AccessLogFile.class.getName());

  @Inject
  @ConfigProperty(name = "gateway.access-log.file")
  Optional<String> configured;

  private FileHandler handler;

  @PostConstruct
  void open() {
    Path file = configured.map(Path::of).orElseGet(AccessLogFile::defaultFile);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      handler = new FileHandler(file.toString().replace("%", "%%"), 0, 1, true);
      handler.setEncoding("UTF-8");
      handler.setFormatter(
          new Formatter() {
            @Override
            public String format(LogRecord line) {
              return line.getMessage() + "\n";
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the access log " + file, e);
    }
    LOG.info(() -> "Access log: " + file);
  }

  private static Path defaultFile() {
    String home = System.getenv("AIRLINE_HOME");
    if (home != null && !home.isBlank()) {
      String instance = System.getenv("AIRLINE_INSTANCE");
      return Path.of(home, "logs", (instance == null ? "gateway" : instance) + "-access.jsonl");
    }
    return Path.of(System.getProperty("com.sun.aas.instanceRoot", "."), "logs", "access.jsonl");
  }

  @PreDestroy
  void close() {
    handler.close();
  }

  public void write(String line) {
    handler.publish(new LogRecord(Level.INFO, line));
  }
}
