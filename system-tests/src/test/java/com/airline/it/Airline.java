package com.airline.it;

import com.airline.rabbitmq.BrokerProxy;
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

  /**
   * The run's own topic exchange for booking events: a platform running beside the tests on the
   * same broker neither receives the tests' events (malformed ones included) nor sends its own to
   * them.
   */
  public static final String EVENTS_EXCHANGE = "it-" + RUN + ".events";

  private static final List<String> DATABASE_SERVICES =
      List.of("auth", "flights", "booking", "reminder");
  private static final Set<String> STARTED = new LinkedHashSet<>();

  /** How long the run's gateways skip a failing service instance. */
  public static final java.time.Duration RESILIENCE_OPEN_FOR = java.time.Duration.ofSeconds(3);

  /**
   * Two more gateway instances in a cluster of their own with strict, short limits (the run's main
   * gateway has limits no test reaches). They trust X-Forwarded-For from 127.0.0.1, so that each
   * test can be a client address of its own.
   */
  public static final long STRICT_LIMIT = 5;

  public static final long STRICT_SIGN_IN_LIMIT = 3;
  public static final java.time.Duration STRICT_WINDOW = java.time.Duration.ofSeconds(10);
  private static final Path STRICT_HOME = HOME.resolve("strict-gateways");

  /**
   * The run's admin server's portbase (./airline admin): its ports are this + 9 to + 86, clear of
   * the instances' (base to base+315); its console is on + 48, its grid member on + 49.
   */
  public static final int ADMIN_PORTBASE = BASE + 400;

  private static boolean adminStarted;

  /** The instances started beside the run's own ({@link #startInstance}): name to service. */
  private static final Map<String, String> EXTRA = new java.util.LinkedHashMap<>();

  private static final Set<String> EXTRA_DATABASES = new LinkedHashSet<>();

  /**
   * The port of the gateway's "blackhole" service: a test listens there without ever accepting, so
   * that connections hang (see {@link #BLACK_HOLE_CONNECT_TIMEOUT}).
   */
  public static final int BLACK_HOLE_PORT = BASE + 12;

  /**
   * The run's gateway gives up connecting to the black hole after this: longer than the default
   * (PT2S), so that a test sees this one applied.
   */
  public static final java.time.Duration BLACK_HOLE_CONNECT_TIMEOUT =
      java.time.Duration.ofSeconds(3);

  private static List<URI> strictGateways;

  private Airline() {}

  /** Starts the services that are not running yet and answers the base URL of the first. */
  public static synchronized URI start(String... services) {
    List<String> missing =
        java.util.Arrays.stream(services).filter(s -> !STARTED.contains(s)).toList();
    if (!missing.isEmpty()) {
      stopAllAtTheEnd();
      // noted before starting, so that the shutdown hook also stops a start that failed half-way
      STARTED.addAll(missing);
      launcher("up", missing);
    }
    return url(services[0]);
  }

  private static boolean stopAllHooked;

  private static void stopAllAtTheEnd() {
    if (!stopAllHooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(Airline::stopAll));
      stopAllHooked = true;
    }
  }

  /**
   * The two strictly limited gateways (see STRICT_LIMIT), started on first use: instances gateway-1
   * and gateway-2 of a home of their own, in the run's data grid (whose other services' members
   * hold bucket partitions too).
   */
  public static synchronized List<URI> strictGateways() {
    if (strictGateways == null) {
      start("auth", "flights", "booking"); // in the grid; also registers the shutdown hook
      int port = BASE + 5;
      Map<String, String> env = new HashMap<>();
      env.put("AIRLINE_HOME", STRICT_HOME.toString());
      env.put("AIRLINE_INSTANCE_PREFIX", "strict-");
      env.put("GATEWAY_PORT", Integer.toString(port));
      env.put("GATEWAY_HAZELCAST_PORT", Integer.toString(BASE - 1080 + 50));
      env.put("GATEWAY_RATE_LIMIT", Long.toString(STRICT_LIMIT));
      env.put("GATEWAY_RATE_LIMIT_SIGN_IN", Long.toString(STRICT_SIGN_IN_LIMIT));
      env.put("GATEWAY_RATE_LIMIT_WINDOW", STRICT_WINDOW.toString());
      launcher("up", List.of("--replicas", "gateway=2", "gateway"), env);
      strictGateways =
          List.of(
              URI.create("http://127.0.0.1:" + port),
              URI.create("http://127.0.0.1:" + (port + 100)));
    }
    return strictGateways;
  }

  /**
   * One more instance of a service beside the run's own, named name (its home, its cluster), on
   * base+offset with the run's settings and these; stop it with {@link #stopInstance}, else the
   * run's end does, and drops the database it was given ({@code <SERVICE>_DB_NAME}).
   */
  public static synchronized URI startInstance(
      String service, String name, int offset, Map<String, String> settings) {
    return startInstance(service, name, offset, settings, 1);
  }

  /**
   * The same with {@code replicas} instances started together ({@code up --replicas}), the n-th on
   * the port + 100(n-1).
   */
  public static synchronized URI startInstance(
      String service, String name, int offset, Map<String, String> settings, int replicas) {
    start("auth"); // which also registers the shutdown hook that stops this one
    String prefix = service.toUpperCase();
    int hazelcast = BASE - 1080 + 10 * offset;
    Map<String, String> env = new HashMap<>(settings);
    env.put("AIRLINE_HOME", HOME.resolve(name).toString());
    env.put("AIRLINE_CLUSTER", "airline-it-" + RUN + "-" + name);
    env.put(prefix + "_PORT", Integer.toString(BASE + offset));
    env.put(prefix + "_HAZELCAST_PORT", Integer.toString(hazelcast));
    env.put(
        prefix + "_CLUSTER_MEMBERS",
        String.join(
            ",",
            java.util.stream.IntStream.range(0, replicas)
                .mapToObj(n -> "127.0.0.1:" + (hazelcast + n))
                .toList()));
    EXTRA.put(name, service);
    if (settings.containsKey(prefix + "_DB_NAME")) {
      EXTRA_DATABASES.add(settings.get(prefix + "_DB_NAME"));
    }
    launcher("up", List.of("--replicas", service + "=" + replicas, service), env);
    return URI.create("http://127.0.0.1:" + (BASE + offset));
  }

  /** What the launcher printed while starting and stopping the instance of that name. */
  public static String launcherOutput(String name) {
    try {
      return Files.readString(HOME.resolve(name).resolve("launcher.log"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static synchronized void stopInstance(String name) {
    launcher(
        "down", List.of(EXTRA.get(name)), Map.of("AIRLINE_HOME", HOME.resolve(name).toString()));
  }

  /**
   * Runs {@code ./airline admin COMMAND} (start, stop, status) for the run's own instances and
   * answers what it printed; the run's end stops an admin server it started.
   */
  public static synchronized String admin(String command) {
    stopAllAtTheEnd();
    adminStarted |= command.equals("start");
    return output("admin", List.of(command));
  }

  /** What {@code ./airline status} prints about the run's own instances. */
  public static synchronized String status() {
    return output("status", List.of());
  }

  /** Runs {@code ./airline ARGS} in the run's home and answers what it printed. */
  public static synchronized String run(String... args) {
    return output(args[0], List.of(args).subList(1, args.length));
  }

  /** Runs the launcher in the run's home and answers what it printed. */
  private static String output(String command, List<String> args) {
    Path output = HOME.resolve("launcher.log");
    try {
      long before = Files.exists(output) ? Files.size(output) : 0;
      launcher(command, args);
      byte[] all = Files.readAllBytes(output);
      return new String(all, (int) before, all.length - (int) before);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The proxy booking reaches RabbitMQ through, for the whole run: a test cuts it to play a broker
   * outage without stopping the machine's broker.
   */
  public static BrokerProxy bookingBroker() {
    return BookingBroker.PROXY;
  }

  // made on first use, without Airline's lock (the strict gateways' starts need it from other
  // threads while their caller holds that lock)
  private static final class BookingBroker {
    static final BrokerProxy PROXY =
        BrokerProxy.to(
            env("RABBITMQ_HOST", "127.0.0.1"), Integer.parseInt(env("RABBITMQ_PORT", "5672")));
  }

  /**
   * The folder of mail templates the run's reminder instances read (REMINDER_TEMPLATES_DIR): a test
   * that puts a template there removes it again, since every reminder test's mails use it.
   */
  public static Path reminderTemplates() {
    return HOME.resolve("reminder-templates").resolve(RUN); // the run's own: none left from another
  }

  /** Where the run's services write their logs ({@code <service>.log}, the access log). */
  public static Path logs() {
    return HOME.resolve("logs");
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
    killInstance(service + "-1");
  }

  /**
   * Kills one instance of the run's ({@code reminder-2}) with SIGKILL, as a crash would. Start it
   * again with {@link #start} (a service's first) or {@link #startReplica}.
   */
  public static synchronized void killInstance(String instance) {
    Path pidFile = HOME.resolve("run").resolve(instance + ".pid");
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle process =
          ProcessHandle.of(pid)
              .orElseThrow(() -> new IllegalStateException(instance + " is not running"));
      process.destroyForcibly();
      process.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot kill " + instance, e);
    }
    int dash = instance.lastIndexOf('-');
    if (instance.substring(dash + 1).equals("1")) {
      STARTED.remove(instance.substring(0, dash)); // so that start(service) brings it back
    }
  }

  /**
   * Starts instance {@code number} of a service beside the run's first one, in the run's home and
   * data grid with the run's settings ({@code ./airline up --replicas reminder=2 reminder-2}): the
   * same database and queue. Stop it with {@link #stopReplica}, else the run's end does.
   */
  public static synchronized void startReplica(String service, int number) {
    start(service); // which also registers the shutdown hook that stops this one
    String instance = service + "-" + number;
    REPLICAS.add(instance);
    launcher("up", List.of("--replicas", service + "=" + number, instance));
  }

  public static synchronized void stopReplica(String service, int number) {
    String instance = service + "-" + number;
    launcher("down", List.of(instance));
    REPLICAS.remove(instance);
  }

  /** The run's own instances beside each service's first ({@link #startReplica}). */
  private static final Set<String> REPLICAS = new LinkedHashSet<>();

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
      if (adminStarted) {
        launcher("admin", List.of("stop"));
      }
      if (strictGateways != null) {
        launcher("down", List.of(), Map.of("AIRLINE_HOME", STRICT_HOME.toString()));
      }
      EXTRA.keySet().forEach(Airline::stopInstance);
      LAUNCHED.values().forEach(env -> launcher("down", List.of(), env));
      if (!REPLICAS.isEmpty()) {
        launcher("down", List.copyOf(REPLICAS));
      }
      launcher("down", List.copyOf(STARTED));
    } finally {
      dropDatabases();
      Broker.deleteQueues(REMINDER_QUEUE, REMINDER_QUEUE + ".dead");
      Broker.deleteExchange(EVENTS_EXCHANGE);
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
      for (String database : EXTRA_DATABASES) {
        statement.executeUpdate("DROP DATABASE IF EXISTS " + database);
      }
    } catch (SQLException e) {
      System.err.println("Could not drop the test databases: " + e.getMessage());
    }
  }

  private static void launcher(String command, List<String> services) {
    launcher(command, services, Map.of());
  }

  /**
   * Runs {@code ./airline ARGS} on a home of its own (HOME/home) with the run's settings and these,
   * and answers what it printed; the run's end stops all it started there ({@code ./airline down}).
   */
  public static synchronized String launch(
      String home, Map<String, String> settings, String... args) {
    start("auth"); // which also registers the shutdown hook
    Map<String, String> env = new HashMap<>(settings);
    env.put("AIRLINE_HOME", HOME.resolve(home).toString());
    LAUNCHED.put(home, env);
    settings.forEach(
        (key, value) -> {
          if (key.endsWith("_DB_NAME")) {
            EXTRA_DATABASES.add(value);
          }
        });
    Path output = HOME.resolve(home).resolve("launcher.log");
    try {
      long before = Files.exists(output) ? Files.size(output) : 0;
      launcher(args[0], List.of(args).subList(1, args.length), env);
      byte[] all = Files.readAllBytes(output);
      return new String(all, (int) before, all.length - (int) before);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Map<String, Map<String, String>> LAUNCHED = new java.util.LinkedHashMap<>();

  private static void launcher(
      String command, List<String> services, Map<String, String> overrides) {
    List<String> line = new java.util.ArrayList<>(List.of(command));
    line.addAll(services);
    Path home = Path.of(overrides.getOrDefault("AIRLINE_HOME", HOME.toString()));
    Path output = home.resolve("launcher.log");
    try {
      if (execute(line, overrides, output) != 0) {
        throw new IllegalStateException(
            "./airline "
                + String.join(" ", line)
                + " failed:\n"
                + Files.readString(output)
                + "\nService logs: "
                + home.resolve("logs"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run the launcher", e);
    }
  }

  /** What a command printed, and its exit status. */
  public record Finished(int status, String output) {}

  /**
   * Runs {@code ./airline ARGS} with the run's settings and these, its output into that file of the
   * run's home; answers its status and output, whatever the status.
   */
  public static Finished execute(String log, Map<String, String> settings, String... args) {
    start("auth"); // which also registers the shutdown hook
    Path output = HOME.resolve(log);
    try {
      Files.deleteIfExists(output);
      int status = execute(List.of(args), settings, output);
      return new Finished(status, Files.readString(output));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static int execute(List<String> args, Map<String, String> overrides, Path output)
      throws IOException {
    List<String> line = new java.util.ArrayList<>(List.of(ROOT.resolve("airline").toString()));
    line.addAll(args);
    // Into a file: a child writing to the test JVM's own stdout corrupts Surefire's channel.
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    Map<String, String> env = builder.environment();
    env.putAll(environment());
    env.putAll(overrides);
    Files.createDirectories(output.getParent());
    Process process = builder.start();
    try {
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("AIRLINE_HOME", HOME.toString());
    env.put("AIRLINE_CLUSTER", "airline-it-" + RUN);
    // the run's admin server (./airline admin, AdminConsoleIT): every instance lists its grid
    // member
    env.put("AIRLINE_ADMIN_PORTBASE", Integer.toString(ADMIN_PORTBASE));
    // a killed instance stays down until a test starts it (SupervisorIT has a supervisor of its
    // own)
    env.put("AIRLINE_SUPERVISE", "false");
    // The tests' instances start some 35 times a run, and starting is what a run spends most of
    // its time on: these options take the CPU of a flights start from 28.7 s (the default options)
    // to about 13.5 s. C1 only (17 s): C2 compiles class loading and annotation reading at start
    // (19 s of compiles). The serial collector (15.5 s, and 50 MiB less). No verification of
    // classes outside the JDK (13.5 s): they come from javac and Payara's build, as in
    // production, where it stays on; class-data sharing saved as much. Benchmarks measure the
    // default. Auth keeps C2: its password hashes (PBKDF2, 210,000 rounds) take C1 several times
    // as long, and VerifyIT's 50 users signing up at once waited past the gateway's 30 s.
    String lean =
        "-Xmx512m -XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote";
    env.put("AIRLINE_JAVA_OPTS", lean + " -XX:TieredStopAtLevel=1");
    env.put("AUTH_JAVA_OPTS", lean);
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
    // the gateway keeps catalogue reads this long unless a write empties them (ResponseCacheIT)
    env.put("FLIGHTS_CATALOGUE_MAX_AGE", "PT1H");
    env.put("GATEWAY_CORS_ORIGINS", "https://app.it.test");
    // no test reaches these (RateLimitIT has gateways of its own with strict limits)
    env.put("GATEWAY_RATE_LIMIT", "1000000");
    env.put("GATEWAY_RATE_LIMIT_SIGN_IN", "1000000");
    env.put("GATEWAY_TRUSTED_PROXIES", "127.0.0.1");
    // ResilienceIT's services, served by the test itself on base+9: "echo"; "pair", two instances
    // (the same server under two paths); "failover", a dead instance (nothing on base+7) listed
    // before a live one; "hangup", an instance that closes connections with no answer listed before
    // a live one. "nowhere" is nothing on base+8 until the test starts it.
    // ConnectTimeoutIT's "blackhole": a socket on BLACK_HOLE_PORT that never accepts.
    String test = "http://127.0.0.1:" + (BASE + 9);
    env.put("GATEWAY_UPSTREAMS_BLACKHOLE", "http://127.0.0.1:" + BLACK_HOLE_PORT);
    env.put("GATEWAY_PROXY_BLACKHOLE_CONNECT_TIMEOUT", BLACK_HOLE_CONNECT_TIMEOUT.toString());
    env.put(
        "GATEWAY_ROUTES",
        gatewayRoutes()
            + ",/api/v1/echo=echo,/api/v1/pair=pair,/api/v1/failover=failover"
            + ",/api/v1/hangup=hangup,/api/v1/nowhere=nowhere,/api/v1/blackhole=blackhole");
    env.put("GATEWAY_UPSTREAMS_ECHO", test);
    env.put("GATEWAY_UPSTREAMS_PAIR", test + "/one," + test + "/two");
    env.put("GATEWAY_UPSTREAMS_FAILOVER", "http://127.0.0.1:" + (BASE + 7) + "," + test + "/live");
    env.put("GATEWAY_UPSTREAMS_HANGUP", test + "/gone," + test + "/live");
    env.put("GATEWAY_UPSTREAMS_NOWHERE", "http://127.0.0.1:" + (BASE + 8));
    env.put("GATEWAY_PROXY_ECHO_READ_TIMEOUT", "PT1S");
    env.put("GATEWAY_CIRCUIT_OPEN_FOR", RESILIENCE_OPEN_FOR.toString());
    // settle bookings left PENDING after seconds, not minutes
    env.put("BOOKING_CHECKOUT_PENDING_TIMEOUT", "PT3S");
    // reminder: a queue of the run's own, the test's SMTP server, retries after seconds
    env.put("REMINDER_EVENTS_QUEUE", REMINDER_QUEUE);
    env.put("BOOKING_EVENTS_EXCHANGE", EVENTS_EXCHANGE);
    // booking reaches the broker through the run's proxy, which EventRelayIT cuts
    env.put("BOOKING_RABBITMQ_HOST", "127.0.0.1");
    env.put("BOOKING_RABBITMQ_PORT", Integer.toString(bookingBroker().port()));
    env.put("REMINDER_EVENTS_EXCHANGE", EVENTS_EXCHANGE);
    env.put("SMTP_HOST", "127.0.0.1");
    env.put("SMTP_PORT", Integer.toString(SMTP_PORT));
    env.put("REMINDER_MAIL_RETRY_DELAYS", "PT2S,PT2S,PT2S");
    // the sweep (a minute by default) every 5 s: the tests that wait for it wait seconds
    env.put("REMINDER_SWEEP_EVERY", "PT5S");
    // the run's operator templates folder, empty but for what ReminderTemplatesIT puts in it
    try {
      Files.createDirectories(reminderTemplates());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    env.put("REMINDER_TEMPLATES_DIR", reminderTemplates().toString());
    return env;
  }

  /** The gateway's own routes, as its WAR configures them. */
  private static String gatewayRoutes() {
    var properties = new java.util.Properties();
    try (var in =
        Files.newInputStream(
            ROOT.resolve(
                "gateway-war/src/main/resources/META-INF/microprofile-config.properties"))) {
      properties.load(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return properties.getProperty("gateway.routes").replaceAll("\\s", "");
  }

  /**
   * The first of the run's ports (the gateway's); base+7 to base+9 are free for tests, base+12 is
   * the black hole, and base+10, base+11, base+13, base+14 and base+15 (with base+115) are
   * instances started beside the run's own; base+409 to base+486 are the admin server's.
   */
  public static int basePort() {
    return BASE;
  }

  /** A setting of the environment the tests run in, or the fallback. */
  public static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
