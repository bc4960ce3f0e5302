package com.airline.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The system under test: services started with the project's own launcher ({@code ./airline up}),
 * each once per test run, on ports, databases and a cluster name of the run's own, so that a
 * running {@code ./airline up} and its airline_* databases are never touched. A shutdown hook stops
 * them and drops the run's databases.
 */
public final class Airline {

  public static final String RUN = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
  public static final String ADMIN_EMAIL = "admin-" + RUN + "@it.test";
  public static final String SERVICE_SECRET =
      HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  public static final String ADMIN_PASSWORD =
      "admin-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

  private static final Path ROOT =
      Path.of(System.getProperty("airline.root", "..")).toAbsolutePath().normalize();

  /** The gateway's port; the others follow it. Another base lets two runs share a machine. */
  private static final int BASE = Integer.getInteger("airline.ports", 18080);

  private static final Path HOME =
      Path.of(
              System.getProperty("airline.home", "target/airline")
                  + (BASE == 18080 ? "" : "-" + BASE))
          .toAbsolutePath();
  private static final Map<String, Integer> PORTS =
      Map.of(
          "gateway",
          BASE,
          "auth",
          BASE + 1,
          "flights",
          BASE + 2,
          "booking",
          BASE + 3,
          "reminder",
          BASE + 4);

  /** The SMTP port of the test's own mail server ({@link Mailbox}), which reminder sends to. */
  public static final int SMTP_PORT = BASE + 45;

  /**
   * The reminder service's queue for this run, so that no other instance on the machine shares it.
   */
  public static final String REMINDER_QUEUE = "it-" + RUN + ".booking-events";

  private static final List<String> DATABASE_SERVICES =
      List.of("auth", "flights", "booking", "reminder");
  private static final Set<String> STARTED = new LinkedHashSet<>();

  private Airline() {}

  /** Starts the services that are not running yet and answers the base URL of the first. */
  public static synchronized URI start(String... services) {
    List<String> missing =
        java.util.Arrays.stream(services).filter(s -> !STARTED.contains(s)).toList();
    if (!missing.isEmpty()) {
      if (STARTED.isEmpty()) {
        Runtime.getRuntime().addShutdownHook(new Thread(Airline::stopAll));
      }
      // noted before starting, so that the shutdown hook also stops a start that failed half-way
      STARTED.addAll(missing);
      launcher("up", missing);
    }
    return url(services[0]);
  }

  /** Stops a running service, for tests of what happens while it is down; start it again after. */
  public static synchronized void stop(String service) {
    launcher("down", List.of(service));
    STARTED.remove(service);
  }

  /**
   * Kills a running service with SIGKILL, as a crash would: no shutdown, no cleanup. Start it again
   * with {@link #start}.
   */
  public static synchronized void kill(String service) {
    Path pidFile = HOME.resolve("run").resolve(service + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle process =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException(service + " is not running"));
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot kill " + service, e);
    }
    STARTED.remove(service);
  }

  public static URI url(String service) {
    return URI.create("http://127.0.0.1:" + PORTS.get(service));
  }

  public static String databaseOf(String service) {
    return "it_" + service + "_" + RUN;
  }

  public static Connection database(String service) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:mysql://"
            + env("DB_HOST", "127.0.0.1")
            + ":"
            + env("DB_PORT", "3306")
            + "/"
            + databaseOf(service)
            + "?sslMode=DISABLED",
        env("DB_USER", "root"),
        env("DB_PASSWORD", ""));
  }

  private static void stopAll() {
    try {
      launcher("down", List.copyOf(STARTED));
    } finally {
      dropDatabases();
      Broker.deleteQueues(REMINDER_QUEUE, REMINDER_QUEUE + ".dead");
    }
  }

  private static void dropDatabases() {
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:mysql://"
                    + env("DB_HOST", "127.0.0.1")
                    + ":"
                    + env("DB_PORT", "3306")
                    + "/?sslMode=DISABLED",
                env("DB_USER", "root"),
                env("DB_PASSWORD", ""));
        var statement = c.createStatement()) {
      for (String service : DATABASE_SERVICES) {
        statement.executeUpdate("DROP DATABASE IF EXISTS " + databaseOf(service));
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the test databases: " + e.getMessage());
    }
  }

  private static void launcher(String command, List<String> services) {
    List<String> line =
        new java.util.ArrayList<>(List.of(ROOT.resolve("airline").toString(), command));
    line.addAll(services);
    Path output = HOME.resolve("launcher.log");
    // Into a file: a child writing to the test JVM's own stdout corrupts Surefire's channel.
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    Map<String, String> env = builder.environment();
    env.putAll(environment());
    try {
      Files.createDirectories(HOME);
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "./airline "
                + String.join(" ", line.subList(1, line.size()))
                + " failed:\n"
                + Files.readString(output)
                + "\nService logs: "
                + HOME.resolve("logs"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run the launcher", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AIRLINE_HOME", HOME.toString());
    env.put("AIRLINE_CLUSTER", "airline-it-" + RUN);
    PORTS.forEach(
        (service, port) -> {
          String prefix = service.toUpperCase();
          env.put(prefix + "_PORT", port.toString());
          env.put(prefix + "_HAZELCAST_PORT", Integer.toString(BASE - 1080 + (port - BASE) * 10));
          env.put(prefix + "_URL", url(service).toString());
        });
    DATABASE_SERVICES.forEach(s -> env.put(s.toUpperCase() + "_DB_NAME", databaseOf(s)));
    env.put("AUTH_ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("AUTH_ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("BOOKING_CLIENT_SECRET", SERVICE_SECRET);
    env.put("AUTH_SERVICE_CLIENTS", "booking:" + SERVICE_SECRET);
    // the tests make their own catalogue, with codes and numbers of their own
    env.put("FLIGHTS_DEMO_DATA", "false");
    env.put("GATEWAY_CORS_ORIGINS", "https://app.it.test");
    // settle bookings left PENDING after seconds, not minutes
    env.put("BOOKING_CHECKOUT_PENDING_TIMEOUT", "PT3S");
    // reminder: a queue of the run's own, the test's SMTP server, retries after seconds
    env.put("REMINDER_EVENTS_QUEUE", REMINDER_QUEUE);
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(SMTP_PORT));
    env.put("REMINDER_MAIL_RETRY_DELAYS", "PT2S,PT2S,PT2S");
    return env;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
