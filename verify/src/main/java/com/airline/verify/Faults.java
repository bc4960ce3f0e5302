package com.airline.verify;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults {@code --full} makes while the load runs, on the machine the platform runs on: the
 * broker stopped, the database stopped, instances killed with SIGKILL (the launcher's supervisor
 * starts them again), flights made slow. A fault that cannot be made here (no rabbitmqctl, a
 * database on another host, no second flights instance) says why and is not run.
 */
final class Faults {

  /** How long a killed instance may take to be back and ready. */
  static final Duration BACK_WITHIN = Duration.ofMinutes(4);

  /** Makes the fault and undoes it (or waits until the platform did), returning when it is over. */
  interface Action {
    void run() throws Exception;
  }

  /** One fault: its name, what it does, and why it cannot run here (null: it can). */
  record Fault(String name, String what, String notRun, Action action) {}

  private final Options options;

  Faults(Options options) {
    this.options = options;
  }

  List<Fault> all() {
    List<Fault> faults = new ArrayList<>();
    faults.add(broker());
    faults.add(database());
    faults.add(killed("booking-1", "a booking instance"));
    faults.add(killed("reminder-1", "the reminder instance"));
    faults.add(slow("flights-1"));
    Instance second = instance("flights-2");
    faults.add(
        second.pid().isPresent()
            ? killed("flights-2", "a flights replica")
            : new Fault(
                "flights replica killed",
                "a flights replica killed with SIGKILL",
                "flights has one instance (start it with ./airline up --replicas flights=2)",
                null));
    return faults;
  }

  private Fault broker() {
    String name = "broker stopped";
    String what = "RabbitMQ stopped for 30 s (rabbitmqctl stop_app, then start_app)";
    if (!local(options.rabbitmqHost())) {
      return new Fault(name, what, "RabbitMQ is on another host: " + options.rabbitmqHost(), null);
    }
    if (onPath("rabbitmqctl") == null) {
      return new Fault(name, what, "rabbitmqctl is not on the PATH", null);
    }
    return new Fault(
        name,
        what,
        null,
        () -> {
          command("rabbitmqctl", "stop_app");
          try {
            Thread.sleep(30_000);
          } finally {
            command("rabbitmqctl", "start_app");
          }
        });
  }

  private Fault database() {
    String name = "database stopped";
    String what = "MariaDB stopped for 10 s (SHUTDOWN, then started again), pools reconnecting";
    Signer.Source db = options.signingKey();
    if (!local(options.dbHost())) {
      return new Fault(name, what, "the database is on another host: " + options.dbHost(), null);
    }
    if (options.dbStart() == null) {
      return new Fault(name, what, "no command to start the database (VERIFY_DB_START)", null);
    }
    return new Fault(
        name,
        what,
        null,
        () -> {
          try (var connection =
                  DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
              var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
          } catch (SQLException e) {
            // the server may drop the connection as it goes down
          }
          try {
            await(
                () -> !listening(options.dbHost(), options.dbPort()),
                Duration.ofSeconds(60),
                "the database stops");
            Thread.sleep(10_000);
          } finally {
            command("sh", "-c", options.dbStart());
            await(
                () -> listening(options.dbHost(), options.dbPort()),
                Duration.ofSeconds(120),
                "the database is back");
          }
        });
  }

  private Fault killed(String instance, String which) {
    String name = instance + " killed";
    String what =
        which + " (" + instance + ") killed with SIGKILL, started again by the supervisor";
    return onInstance(
        instance,
        name,
        what,
        target ->
            () -> {
              long pid = target.pid().orElseThrow();
              int port = target.port(pid);
              ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
              process.destroyForcibly();
              process.onExit().get();
              await(
                  () -> target.pid().filter(p -> p != pid).isPresent() && ready(port),
                  BACK_WITHIN,
                  instance + " is back and ready");
            });
  }

  /** Stopped (SIGSTOP) for 3 s at a time, let run for 0.3 s in between, for 30 s. */
  private Fault slow(String instance) {
    String name = "flights slow";
    String what = instance + " answering 3 s late for 30 s (SIGSTOP 3 s, SIGCONT 0.3 s, in turn)";
    return onInstance(
        instance,
        name,
        what,
        target ->
            () -> {
              String pid = Long.toString(target.pid().orElseThrow());
              long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
              try {
                while (System.nanoTime() < end) {
                  command("kill", "-STOP", pid);
                  Thread.sleep(3000);
                  command("kill", "-CONT", pid);
                  Thread.sleep(300);
                }
              } finally {
                command("kill", "-CONT", pid);
              }
            });
  }

  /** The fault made to a running instance, or not run when there is none under the home. */
  private Fault onInstance(
      String instance,
      String name,
      String what,
      java.util.function.Function<Instance, Action> fault) {
    Instance target = instance(instance);
    return target.pid().isEmpty()
        ? new Fault(name, what, "no running " + instance + " under " + options.home(), null)
        : new Fault(name, what, null, fault.apply(target));
  }

  private Instance instance(String name) {
    return new Instance(name, options.home().resolve("run").resolve(name + ".pid"));
  }

  /** An instance the launcher runs: its pid file, and its port from its command line. */
  record Instance(String name, Path pidFile) {

    Optional<Long> pid() {
      try {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> pid);
      } catch (IOException | NumberFormatException e) {
        return Optional.empty();
      }
    }

    int port(long pid) throws IOException {
      String[] args =
          new String(
                  Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
              .split("\0");
      for (int i = 0; i + 1 < args.length; i++) {
        if (args[i].equals("--port")) {
          return Integer.parseInt(args[i + 1]);
        }
      }
      throw new IOException(name + " (pid " + pid + ") has no --port in its command line");
    }
  }

  private static boolean ready(int port) {
    try {
      HttpResponse<Void> reply =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return reply.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static void await(Condition condition, Duration within, String what) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not within " + within.toSeconds() + " s: " + what);
      }
      Thread.sleep(1000);
    }
  }

  private static void command(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output.strip());
    }
  }

  private static boolean local(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  private static Path onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
