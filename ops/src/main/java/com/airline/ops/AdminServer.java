package com.airline.ops;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./airline admin start|stop|status}: a Payara Server domain (server-config stages it in
 * target/payara6) as the admin server (DAS) of the instances' data grid. Its console's Data Grid
 * page lists the instances by group and sends asadmin commands to one or a whole group.
 *
 * <p>The domain is made once, in {@code $AIRLINE_HOME/admin/airline}, with secure admin on and the
 * user and password of AIRLINE_ADMIN_USER and AIRLINE_ADMIN_PASSWORD (else generated into {@code
 * $AIRLINE_HOME/admin-console-password}). Its Hazelcast member joins the grid over TCP like the
 * instances, with the same member list, which names the DAS's port ({@link #hazelcastPort}) too:
 * the instances need nothing of it to run, and find it whenever it runs.
 */
final class AdminServer {

  static final int DEFAULT_PORTBASE = 4800;

  /**
   * The ports of a domain made with {@code --portbase P}, as offsets from P: debugger, IIOP (3),
   * admin, the DAS's Hazelcast member, Hazelcast's start port, OSGi shell, JMS, HTTP, HTTPS, JMX.
   */
  static final List<Integer> PORT_OFFSETS = List.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86);

  static final int ADMIN_OFFSET = 48;
  static final int HAZELCAST_OFFSET = 49;
  static final String DOMAIN = "airline";

  private final Platform platform;
  private final Settings settings;
  private final PrintStream out;

  AdminServer(Platform platform, PrintStream out) {
    this.platform = platform;
    this.settings = platform.settings;
    this.out = out;
  }

  static int portbase(Settings settings) {
    String value = settings.get("AIRLINE_ADMIN_PORTBASE", Integer.toString(DEFAULT_PORTBASE));
    int portbase;
    try {
      portbase = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AIRLINE_ADMIN_PORTBASE '" + value + "' is no number");
    }
    int last = PORT_OFFSETS.get(PORT_OFFSETS.size() - 1);
    if (portbase < 1024 || portbase + last > 65535) {
      throw new IllegalArgumentException(
          "AIRLINE_ADMIN_PORTBASE must be 1024 to " + (65535 - last) + ", not " + portbase);
    }
    return portbase;
  }

  /** The DAS's own Hazelcast member, which every instance's default member list names. */
  static int hazelcastPort(Settings settings) {
    return portbase(settings) + HAZELCAST_OFFSET;
  }

  int adminPort() {
    return portbase(settings) + ADMIN_OFFSET;
  }

  String consoleUrl() {
    return "https://" + settings.publicHost() + ":" + adminPort() + "/";
  }

  String user() {
    return settings.get("AIRLINE_ADMIN_USER", "admin");
  }

  Path domainDir() {
    return settings.home().resolve("admin");
  }

  Path domain() {
    return domainDir().resolve(DOMAIN);
  }

  Path passwordFile() {
    return settings.home().resolve("admin-console-password");
  }

  /**
   * The ports of the domain that some instance of the platform may use (every service's HTTP and
   * Hazelcast ports, up to {@link Service#MAX_INSTANCES} each), named; none when the portbase is
   * free of them.
   */
  List<String> clashes() {
    int portbase = portbase(settings);
    List<String> clashes = new ArrayList<>();
    for (Service service : platform.services) {
      for (int n = 1; n <= Service.MAX_INSTANCES; n++) {
        Instance instance = new Instance(service, n);
        for (int offset : PORT_OFFSETS) {
          int port = portbase + offset;
          if (port == instance.port(settings)) {
            clashes.add(port + " (" + instance.name() + "'s HTTP port)");
          }
          if (port == instance.hazelcastPort(settings)) {
            clashes.add(port + " (" + instance.name() + "'s Hazelcast port)");
          }
        }
      }
    }
    return clashes;
  }

  int run(List<String> args) throws IOException, InterruptedException {
    String command = args.isEmpty() ? "" : args.get(0);
    switch (command) {
      case "start" -> start();
      case "stop" -> stop();
      case "status" -> status();
      default -> {
        System.err.println("usage: ./airline admin start|stop|status");
        return 2;
      }
    }
    return 0;
  }

  /** The pid of the running DAS, checked against its command line (which names its domain). */
  Optional<Long> runningPid() {
    return Launcher.pidIn(domain().resolve("config").resolve("pid"), domain().toString());
  }

  void start() throws IOException, InterruptedException {
    Path install = install();
    if (runningPid().isPresent()) {
      out.println("The admin server is already running: " + consoleUrl());
      return;
    }
    List<String> clashes = clashes();
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException(
          "AIRLINE_ADMIN_PORTBASE="
              + portbase(settings)
              + " gives the admin server ports of the instances: "
              + String.join(", ", clashes)
              + "; choose another (default "
              + DEFAULT_PORTBASE
              + ")");
    }
    for (int offset : PORT_OFFSETS) {
      int port = portbase(settings) + offset;
      if (Launcher.reachable("127.0.0.1", port)) {
        throw new IllegalStateException(
            "port "
                + port
                + " of the admin server is taken by another process: set AIRLINE_ADMIN_PORTBASE");
      }
    }
    Password password = password();
    Path asadminPasswords = domainDir().resolve("asadmin-passwords");
    Files.createDirectories(domainDir());
    writePrivate(asadminPasswords, "AS_ADMIN_PASSWORD=" + password.value() + "\n");
    long begin = System.nanoTime();
    boolean created = false;
    if (!Files.exists(domain().resolve("config").resolve("domain.xml"))) {
      out.println("Creating the admin server's domain in " + domain());
      asadmin(install, createDomain(asadminPasswords));
      created = true;
    }
    out.println("Starting the admin server (log: " + log() + ")");
    asadmin(install, List.of("start-domain", "--domaindir", domainDir().toString(), DOMAIN));
    List<String> remote = remote(asadminPasswords);
    if (created) {
      // takes effect at the restart below; the console and asadmin then speak HTTPS only
      asadmin(install, with(remote, "enable-secure-admin"));
    }
    Path applied = domainDir().resolve("grid");
    String grid = String.join(" ", hazelcastConfiguration());
    if (!Files.exists(applied) || !Files.readString(applied).equals(grid)) {
      asadmin(install, with(remote, hazelcastConfiguration()));
      Files.writeString(applied, grid);
    }
    if (created) {
      asadmin(install, List.of("restart-domain", "--domaindir", domainDir().toString(), DOMAIN));
    }
    out.printf(
        "The admin server is running (%d s): %s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), consoleUrl());
    out.println(
        "  user "
            + user()
            + ", "
            + (password.generated()
                ? "password " + password.value() + " (generated; kept in " + passwordFile() + ")"
                : password.fromFile()
                    ? "password in " + passwordFile()
                    : "password from AIRLINE_ADMIN_PASSWORD"));
    out.println(
        "  grid '"
            + settings.cluster()
            + "': the instances join it as they find its member on port "
            + hazelcastPort(settings));
    joinRunningInstances(install, remote);
  }

  /**
   * Waits until the DAS's member has found the instances that run from this home. Once in a while
   * (seen after a restart on a loaded machine) it starts a grid of its own instead of joining
   * theirs and does not merge; a second start of its member (set-hazelcast-configuration --dynamic)
   * has always joined at once.
   */
  private void joinRunningInstances(Path install, List<String> remote)
      throws IOException, InterruptedException {
    Launcher launcher = new Launcher(platform, out);
    List<String> running =
        platform.known().stream()
            .filter(i -> launcher.runningPid(i).isPresent())
            .map(i -> i.gridName(settings))
            .toList();
    if (running.isEmpty()) {
      return;
    }
    if (!sees(install, remote, running, Duration.ofSeconds(30))) {
      out.println("  it has not found the running instances yet: its grid member starts again");
      asadmin(install, with(remote, hazelcastConfiguration()));
      if (!sees(install, remote, running, Duration.ofSeconds(60))) {
        out.println("  it still misses some of " + running + ": ./airline admin status shows more");
        return;
      }
    }
    out.println("  it sees the running instances: " + String.join(" ", running));
  }

  private boolean sees(Path install, List<String> remote, List<String> names, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<String> seen = members(asadmin(install, with(remote, "list-hazelcast-cluster-members")));
      if (seen.containsAll(names)) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(3000);
    }
  }

  /** The instance names in list-hazelcast-cluster-members' table (its first column). */
  static List<String> members(List<String> table) {
    return table.stream()
        .skip(1)
        .map(line -> line.strip().split("\\s+")[0])
        .filter(name -> !name.isEmpty())
        .toList();
  }

  void stop() throws IOException, InterruptedException {
    Optional<ProcessHandle> das = runningPid().flatMap(ProcessHandle::of);
    if (das.isEmpty()) {
      out.println("The admin server is not running");
      return;
    }
    out.println("Stopping the admin server (pid " + das.get().pid() + ")");
    try {
      asadmin(install(), List.of("stop-domain", "--domaindir", domainDir().toString(), DOMAIN));
    } catch (IllegalStateException e) {
      out.println("  asadmin stop-domain failed; stopping it by its pid");
    }
    Launcher.terminate(das.get(), Duration.ofSeconds(30));
  }

  void status() throws IOException, InterruptedException {
    Optional<Long> pid = runningPid();
    if (pid.isEmpty()) {
      out.println(
          "admin server: not running"
              + (Files.exists(domain()) ? "" : " (no domain yet)")
              + "; ./airline admin start");
      return;
    }
    out.println(
        "admin server: running, pid "
            + pid.get()
            + ", console "
            + consoleUrl()
            + ", user "
            + user());
    Path asadminPasswords = domainDir().resolve("asadmin-passwords");
    writePrivate(asadminPasswords, "AS_ADMIN_PASSWORD=" + password().value() + "\n");
    out.println("grid '" + settings.cluster() + "' as the admin server sees it:");
    asadmin(install(), with(remote(asadminPasswords), "list-hazelcast-cluster-members"))
        .forEach(line -> out.println("  " + line));
  }

  List<String> createDomain(Path asadminPasswords) {
    return List.of(
        "--user",
        user(),
        "--passwordfile",
        asadminPasswords.toString(),
        "create-domain",
        "--portbase",
        Integer.toString(portbase(settings)),
        "--domaindir",
        domainDir().toString(),
        "--savelogin=false",
        DOMAIN);
  }

  /**
   * The grid as the instances form it: its name, the same member list, the same interfaces. The DAS
   * is a lite member: it holds none of the services' data, so its stops move no partition and it
   * never needs a service's classes.
   */
  List<String> hazelcastConfiguration() {
    String interfaces = settings.get("AIRLINE_INTERFACES", "127.0.0.1");
    return List.of(
        "set-hazelcast-configuration",
        "--clustername",
        settings.cluster(),
        "--clustermode",
        "tcpip",
        "--tcpipmembers",
        platform.gridMembers(),
        "--interfaces",
        interfaces,
        "--dasbindaddress",
        interfaces,
        "--lite",
        "true",
        "--dynamic",
        "true");
  }

  /** asadmin's options for a command to the running DAS. */
  List<String> remote(Path asadminPasswords) {
    return List.of(
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(adminPort()),
        "--user",
        user(),
        "--passwordfile",
        asadminPasswords.toString());
  }

  private static List<String> with(List<String> options, String... command) {
    return with(options, Arrays.asList(command));
  }

  private static List<String> with(List<String> options, List<String> command) {
    List<String> all = new ArrayList<>(options);
    all.addAll(command);
    return all;
  }

  /**
   * The java command that runs asadmin: its client jar on the JVM that runs this, non-interactive
   * (a new DAS's certificate is taken), its files (trusted certificates) under the domain folder
   * rather than in the user's home.
   */
  List<String> asadminCommand(Path install, List<String> args) {
    List<String> line =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + domainDir(),
                "-jar",
                install.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                "--interactive=false"));
    line.addAll(args);
    return line;
  }

  /** Runs asadmin and answers what it printed; fails with that when it failed. */
  private List<String> asadmin(Path install, List<String> args)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(asadminCommand(install, args))
            .redirectErrorStream(true)
            .redirectInput(new File("/dev/null"))
            .start();
    List<String> lines;
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      lines = reader.lines().toList();
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "asadmin "
              + String.join(" ", args)
              + " failed:\n  "
              + String.join("\n  ", lines)
              + "\n  (the admin server's log: "
              + log()
              + ")");
    }
    return lines.stream()
        .filter(l -> !l.isBlank() && !l.startsWith("Command ") && !l.startsWith("Waiting for"))
        .toList();
  }

  private Path log() {
    return domain().resolve("logs").resolve("server.log");
  }

  private Path install() {
    Path install = settings.root().resolve("server-config/target/payara6");
    if (!Files.exists(install.resolve("glassfish/lib/client/appserver-cli.jar"))) {
      throw new IllegalStateException(
          "Payara Server is not staged in " + install + ": run mvn package");
    }
    return install;
  }

  /** The admin's password, and whether it was made now (then it is printed, once). */
  record Password(String value, boolean generated, boolean fromFile) {}

  Password password() throws IOException {
    String given = settings.get("AIRLINE_ADMIN_PASSWORD", "");
    if (!given.isEmpty()) {
      return new Password(given, false, false);
    }
    Path file = passwordFile();
    if (Files.exists(file) && !Files.readString(file).isBlank()) {
      return new Password(Files.readString(file).strip(), false, true);
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    writePrivate(file, generated + "\n");
    return new Password(generated, true, true);
  }

  /** Writes a file only its owner may read (mode 600), also when it exists. */
  static void writePrivate(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, content);
  }
}
