package com.airline.ops;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Starts, watches and stops Payara Micro instances, one process each, by their pid files. */
final class Launcher {

  private static final Pattern MICRO_READY = Pattern.compile("Payara Micro .* ready in");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final Platform platform;
  private final Settings settings;
  private final PrintStream out;

  Launcher(Platform platform, PrintStream out) {
    this.platform = platform;
    this.settings = platform.settings;
    this.out = out;
  }

  /**
   * The pid of a running instance, checked against its command line so a reused pid never counts.
   */
  Optional<Long> runningPid(Instance instance) {
    return pidIn(instance.pidFile(settings), "payara-micro");
  }

  static Optional<Long> pidIn(Path pidFile, String commandLineMark) {
    return pidIn(pidFile, commandLineMark, Path.of("/proc"));
  }

  /**
   * The pid in the file if that process runs with the mark in its command line (a pid file left
   * from before a reboot may name another process). The command line reads empty for a moment while
   * the process execs (setsid exec'ing java, just after the launcher started it: a rolling deploy
   * once took that for a dead instance) and for good once it is a zombie: empty is read again for
   * up to a second before it counts as not running.
   */
  static Optional<Long> pidIn(Path pidFile, String commandLineMark, Path proc) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      Path cmdline = proc.resolve(Long.toString(pid)).resolve("cmdline");
      for (int i = 0; i < 100; i++) {
        String line = Files.readString(cmdline, StandardCharsets.ISO_8859_1);
        if (!line.isEmpty()) {
          return line.contains(commandLineMark) ? Optional.of(pid) : Optional.empty();
        }
        Thread.sleep(10);
      }
    } catch (IOException | NumberFormatException e) {
      // no pid file, or no such process
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  /** Writes the pid file whole at once: a reader never sees it empty or half-written. */
  static void writePid(Path pidFile, long pid) throws IOException {
    Path written = pidFile.resolveSibling(pidFile.getFileName() + ".new");
    Files.writeString(written, pid + "\n");
    Files.move(
        written,
        pidFile,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** UP, DOWN or unreachable: the application's own readiness, not the process's. */
  String health(Instance instance) {
    return switch (readiness(instance).status()) {
      case 200 -> "UP";
      case 503 -> "DOWN";
      default -> "unreachable";
    };
  }

  /** Makes {@code war} the one the service's instances run from their next start on. */
  void install(Service service, Path war) throws IOException {
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(war + " is missing: build it (mvn package) or name a WAR.");
    }
    Path deployed = service.deployedWar(settings);
    Files.createDirectories(deployed.getParent());
    Path copy = deployed.resolveSibling(deployed.getFileName() + ".new");
    Files.copy(war, copy, StandardCopyOption.REPLACE_EXISTING);
    Files.move(copy, deployed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The answer to GET /health/ready; status 0 when there was none. */
  record Readiness(int status, String body) {}

  Readiness readiness(Instance instance) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + instance.port(settings) + "/health/ready"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Readiness(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Readiness(0, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Readiness(0, "");
    }
  }

  /**
   * Starts the instance unless it runs, under a lock on its pid file's folder, so that the
   * supervisor and {@code ./airline up} never both start it; false when it was running.
   */
  boolean startUnlessRunning(Instance instance) throws IOException {
    Path run = instance.pidFile(settings).getParent();
    Files.createDirectories(run);
    try (FileChannel channel =
            FileChannel.open(
                run.resolve(instance.name() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (runningPid(instance).isPresent()) {
        return false;
      }
      start(instance);
      return true;
    }
  }

  private void start(Instance instance) throws IOException {
    int port = instance.port(settings);
    Path dir = instance.dir(settings);
    deleteTree(dir);
    Files.createDirectories(dir);
    Files.createDirectories(instance.pidFile(settings).getParent());
    Files.createDirectories(instance.log(settings).getParent());
    if (reachable("127.0.0.1", port)) {
      throw new IllegalStateException(
          "port "
              + port
              + " for "
              + instance.name()
              + " is taken by another process: set "
              + instance.service().name().toUpperCase()
              + "_PORT.");
    }
    Path boot = dir.resolve("post-boot.asadmin");
    Files.writeString(boot, postBootCommands(instance.service()));
    Files.writeString(dir.resolve("logging.properties"), loggingProperties());
    Logs.keep(instance.log(settings));
    out.println(
        "Starting "
            + instance.name()
            + " on port "
            + port
            + " (log: "
            + instance.log(settings)
            + ")");
    ProcessBuilder builder =
        new ProcessBuilder(command(instance, boot))
            .redirectErrorStream(true)
            // appended to, so that the supervisor can rotate it under the running instance
            .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.log(settings).toFile()))
            .redirectInput(new File("/dev/null"));
    builder.environment().putAll(environment(instance));
    Process process = builder.start();
    writePid(instance.pidFile(settings), process.pid());
  }

  /**
   * The service's own database (the datasource file), or nothing for a service without one. Payara
   * refuses a user without a password ("No PasswordCredential found"): then the user goes in the
   * URL.
   */
  String postBootCommands(Service service) throws IOException {
    if (service.database(settings).equals("-")) {
      return "";
    }
    String datasource =
        Files.readString(settings.root().resolve("server-config").resolve("datasource.asadmin"));
    if (!dbSetting(service, "DB_PASSWORD", "").isEmpty()) {
      return datasource;
    }
    return datasource.replace(
        "user=${ENV=DB_USER}:password=${ENV=DB_PASSWORD}:",
        "url=jdbc\\:mysql\\://${ENV=DB_HOST}\\:${ENV=DB_PORT}/${ENV=DB_NAME}?user\\=${ENV=DB_USER}:");
  }

  /**
   * server-config/logging.properties; with AIRLINE_LOG_FORMAT=json, Payara's JSON formatter instead
   * of its ODL text (the chassis adds the instance, its service and the request id as fields).
   */
  String loggingProperties() throws IOException {
    String properties =
        Files.readString(settings.root().resolve("server-config").resolve("logging.properties"));
    String format = settings.get("AIRLINE_LOG_FORMAT", "text");
    return switch (format) {
      case "text" -> properties;
      case "json" ->
          properties.replaceAll(
              "(?m)^java\\.util\\.logging\\.ConsoleHandler\\.formatter=.*$",
              "java.util.logging.ConsoleHandler.formatter="
                  + "fish.payara.enterprise.server.logging.JSONLogFormatter");
      default ->
          throw new IllegalArgumentException(
              "AIRLINE_LOG_FORMAT is text or json, not '" + format + "'");
    };
  }

  private String dbSetting(Service service, String key, String otherwise) {
    return settings.of(service.name(), key, settings.get(key, otherwise));
  }

  /** What an instance's process sees beside the launcher's own environment. */
  Map<String, String> environment(Instance instance) {
    Service s = instance.service();
    return Map.ofEntries(
        Map.entry("DB_HOST", dbSetting(s, "DB_HOST", "127.0.0.1")),
        Map.entry("DB_PORT", dbSetting(s, "DB_PORT", "3306")),
        Map.entry("DB_USER", dbSetting(s, "DB_USER", "root")),
        Map.entry("DB_PASSWORD", dbSetting(s, "DB_PASSWORD", "")),
        Map.entry("DB_NAME", s.database(settings)),
        // per service too, so that one service can reach the broker another way (the tests put a
        // proxy they can cut between booking and RabbitMQ)
        Map.entry("RABBITMQ_HOST", dbSetting(s, "RABBITMQ_HOST", "127.0.0.1")),
        Map.entry("RABBITMQ_PORT", dbSetting(s, "RABBITMQ_PORT", "5672")),
        // where the gateway's access log goes by default, beside the instances' logs
        Map.entry("AIRLINE_HOME", settings.home().toString()),
        Map.entry("AIRLINE_INSTANCE", instance.gridName(settings)),
        Map.entry("AIRLINE_SERVICE", s.name()),
        Map.entry("AIRLINE_INSTANCE_URL", instance.url(settings)));
  }

  /**
   * The java command line. jakarta.json.provider: without it every Json.createX searches the class
   * path for a JSON-P provider. http.maxConnections: the REST clients' HttpURLConnection keeps only
   * 5 idle connections per host by default. sun.net.http.retryPost: the JDK silently sends a POST
   * again on a new connection when a kept-alive one fails; off, a refused connection proves that a
   * call never reached the other service. jakarta.mail.util.StreamProvider: without it Jakarta Mail
   * searches the class path for one for every part of every mail. setsid: the instance outlives the
   * launcher and the terminal it ran in.
   */
  List<String> command(Instance instance, Path postBoot) {
    Service s = instance.service();
    Path root = settings.root();
    Path runtime = root.resolve("server-config").resolve("target").resolve("runtime");
    List<String> line = new ArrayList<>(List.of("setsid", settings.get("AIRLINE_JAVA", "java")));
    line.addAll(
        Arrays.asList(
            settings
                .of(
                    s.name(),
                    "JAVA_OPTS",
                    settings.get("AIRLINE_JAVA_OPTS", "-Xmx512m -XX:+UseParallelGC"))
                .strip()
                .split("\\s+")));
    line.addAll(
        List.of(
            "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
            "-Dhttp.maxConnections=64",
            "-Dsun.net.http.retryPost=false",
            "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
            "-jar",
            runtime.resolve("payara-micro.jar").toString()));
    // resource adapters first: the WAR's message-driven beans need them (rabbitmq-rar, PAYARA.md)
    for (String adapter : s.adapters()) {
      line.addAll(
          List.of(
              "--deploy", root.resolve(adapter).resolve("target/" + adapter + ".rar").toString()));
    }
    line.addAll(
        List.of(
            "--deploy",
            s.deployedWar(settings).toString(),
            "--contextroot",
            "/",
            "--port",
            Integer.toString(instance.port(settings)),
            "--rootdir",
            instance.dir(settings).resolve("root").toString(),
            "--addLibs",
            runtime.resolve("lib").toString(),
            "--prebootcommandfile",
            root.resolve("server-config/pre-boot.asadmin").toString(),
            "--postbootcommandfile",
            postBoot.toString(),
            "--logproperties",
            instance.dir(settings).resolve("logging.properties").toString(),
            "--systemproperties",
            root.resolve("server-config/system.properties").toString(),
            "--name",
            instance.gridName(settings),
            "--instancegroup",
            s.name(),
            "--clustername",
            settings.cluster(),
            "--interfaces",
            settings.get("AIRLINE_INTERFACES", "127.0.0.1"),
            "--startport",
            Integer.toString(instance.hazelcastPort(settings)),
            "--clustermode",
            "tcpip:" + platform.members(s)));
    return line;
  }

  /**
   * Waits until the instance says it is ready (its whole start-up has run) and Micro has started:
   * Micro answers readiness from the moment the application is deployed, before its web module
   * serves. Stops it and fails when it dies, fails to deploy or takes longer than {@code timeout}.
   */
  void waitReady(Instance instance, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path log = instance.log(settings);
    while (!(health(instance).equals("UP") && microReady(log))) {
      if (runningPid(instance).isEmpty()) {
        tail(log, 30).forEach(System.err::println);
        throw new IllegalStateException(instance.name() + " stopped while starting: read " + log);
      }
      // Micro says "ready" even when the application failed to deploy; its health then names no
      // application.
      if (microReady(log) && readiness(instance).body().contains("No Application deployed")) {
        severe(log).forEach(System.err::println);
        stop(instance);
        throw new IllegalStateException(instance.name() + " failed to deploy: read " + log);
      }
      if (System.nanoTime() - deadline > 0) {
        String health = health(instance);
        stop(instance);
        throw new IllegalStateException(
            instance.name()
                + " is not ready after "
                + timeout.toSeconds()
                + "s (health: "
                + health
                + "), stopped it: read "
                + log);
      }
      // the tests wait on this some 35 times a run: every second between checks costs half of it
      Thread.sleep(500);
    }
    out.println("  " + instance.name() + " is ready: http://127.0.0.1:" + instance.port(settings));
  }

  void stop(Instance instance) {
    Optional<Long> pid = runningPid(instance);
    // the pid file goes first: the supervisor restarts only instances that died with theirs left
    try {
      Files.deleteIfExists(instance.pidFile(settings));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pid.flatMap(ProcessHandle::of)
        .ifPresent(
            process -> {
              out.println("Stopping " + instance.name() + " (pid " + process.pid() + ")");
              terminate(process, Duration.ofSeconds(30));
            });
  }

  static void terminate(ProcessHandle process, Duration grace) {
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
  }

  static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 3000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean microReady(Path log) throws IOException {
    try (Stream<String> lines = lines(log)) {
      return lines.anyMatch(l -> MICRO_READY.matcher(l).find());
    }
  }

  private static List<String> severe(Path log) throws IOException {
    List<String> all;
    try (Stream<String> lines = lines(log)) {
      all = lines.toList();
    }
    List<String> found = new ArrayList<>();
    for (int i = 0; i < all.size() && found.size() < 20; i++) {
      if (all.get(i).contains("SEVERE")) {
        found.addAll(all.subList(i, Math.min(all.size(), i + 5)));
      }
    }
    return found;
  }

  static List<String> tail(Path log, int count) throws IOException {
    try (Stream<String> lines = lines(log)) {
      List<String> all = lines.toList();
      return all.subList(Math.max(0, all.size() - count), all.size());
    }
  }

  private static Stream<String> lines(Path log) throws IOException {
    // a log may hold bytes that are not UTF-8; every byte maps to a character in ISO-8859-1
    return Files.exists(log) ? Files.lines(log, StandardCharsets.ISO_8859_1) : Stream.empty();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
