package com.airline.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Reads the logging configuration the way Payara Micro does at its start: the file named by {@code
 * java.util.logging.config.file} (Micro's copy of our logging.properties, as set-log-levels left
 * it), then each root handler's {@code <handler class>.formatter} instantiated through this class's
 * own loader, which is Micro's (the jar comes with --addLibs). The root handlers' filters (the
 * chassis's request-id tagging) go on the new handlers of the same class. Each {@code
 * <logger>.level} is set on that logger, made if need be: the JDK sets levels only on loggers that
 * exist by that very name, so {@code com.airline.flights=FINE} would not reach {@code
 * com.airline.flights.schedule.control.SearchCache}, whose nearest existing parent is {@code
 * com.airline} (Payara Server's own log manager sets levels this way too).
 *
 * <p>The JDK constructs this class whenever {@code LogManager.readConfiguration()} runs while the
 * system property {@code java.util.logging.config.class} names it; it looks for it through the
 * system class loader, then the calling thread's context class loader, which on Micro's command
 * threads is Micro's. The property is set through Micro's {@code --systemproperties} once Micro has
 * configured logging itself (set on the java command line, the JDK's first reading would fail to
 * find the class and print so at every start). Should anything here fail, the JDK prints why and
 * reads the file itself: the log goes on, in the JDK's format.
 */
public final class LoggingConfiguration {

  /**
   * The loggers the file names, held: the JDK holds loggers weakly, and a logger that is collected
   * takes its level along.
   */
  private static final AtomicReference<List<Logger>> CONFIGURED = new AtomicReference<>(List.of());

  public LoggingConfiguration() throws IOException, ReflectiveOperationException {
    String file = System.getProperty("java.util.logging.config.file");
    if (file == null) {
      throw new IllegalStateException("java.util.logging.config.file is not set");
    }
    LogManager manager = LogManager.getLogManager();
    Logger root = Logger.getLogger("");
    Map<Class<?>, Filter> filters = new HashMap<>();
    for (Handler handler : root.getHandlers()) {
      if (handler.getFilter() != null) {
        filters.put(handler.getClass(), handler.getFilter());
      }
    }
    byte[] content = Files.readAllBytes(Path.of(file));
    manager.readConfiguration(new ByteArrayInputStream(content));
    Properties properties = new Properties();
    properties.load(new ByteArrayInputStream(content));
    Set<String> handlerClasses = new HashSet<>();
    for (Handler handler : root.getHandlers()) {
      handlerClasses.add(handler.getClass().getName());
      String formatter = manager.getProperty(handler.getClass().getName() + ".formatter");
      if (formatter != null) {
        handler.setFormatter(formatter(formatter.strip()));
      }
      Filter filter = filters.get(handler.getClass());
      if (filter != null) {
        handler.setFilter(filter);
      }
    }
    List<Logger> configured = new ArrayList<>();
    for (String key : properties.stringPropertyNames()) {
      if (!key.endsWith(".level")) {
        continue;
      }
      String name = key.substring(0, key.length() - ".level".length());
      if (!name.isEmpty() && !handlerClasses.contains(name)) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.parse(properties.getProperty(key).strip()));
        configured.add(logger);
      }
    }
    CONFIGURED.set(configured);
  }

  private static Formatter formatter(String className) throws ReflectiveOperationException {
    return (Formatter)
        Class.forName(className, true, LoggingConfiguration.class.getClassLoader())
            .getConstructor()
            .newInstance();
  }
}
