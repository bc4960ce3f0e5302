package com.airline.ops;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * instances, with the same member list, which names the DAS's port ({@link
 * AdminDomain#hazelcastPort}) too: the instances need nothing of it to run, and find it whenever it
 * runs.
 */
final class AdminServer {

  private final Platform platform;
  private final Settings settings;
  private final AdminDomain domain;
  private final PrintStream out;

  AdminServer(Platform platform, PrintStream out) {
    this.platform = platform;
    this.settings = platform.settings;
    this.domain = new AdminDomain(platform);
    this.out = out;
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

  /**
   * The pid of the running DAS: its pid file's, checked against its command line (which names its
   * domain), else that of a process running Payara's main class on this domain (seen: a start that
   * failed half-way left a DAS running without a pid file).
   */
  Optional<Long> runningPid() {
    Optional<Long> pid = Launcher.pidIn(domain.pidFile(), domain.dir().toString());
    if (pid.isPresent()) {
      return pid;
    }
    String config = domain.dir().resolve("config") + "/";
    return ProcessHandle.allProcesses()
        .map(ProcessHandle::pid)
        .filter(
            p -> {
              String command = commandLine(p);
              return command.contains("glassfish.bootstrap.ASMain") && command.contains(config);
            })
        .findFirst();
  }

  private static String commandLine(long pid) {
    try {
      return Files.readString(
          Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  void start() throws IOException, InterruptedException {
    Path install = domain.install();
    if (runningPid().isPresent()) {
      out.println("The admin server is already running: " + domain.consoleUrl());
      return;
    }
    List<String> clashes = domain.clashes();
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException(
          "AIRLINE_ADMIN_PORTBASE="
              + AdminDomain.portbase(settings)
              + " gives the admin server ports of the instances: "
              + String.join(", ", clashes)
              + "; choose another (default "
              + AdminDomain.DEFAULT_PORTBASE
              + ")");
    }
    for (int offset : AdminDomain.PORT_OFFSETS) {
      int port = AdminDomain.portbase(settings) + offset;
      if (Launcher.reachable("127.0.0.1", port)) {
        throw new IllegalStateException(
            "port "
                + port
                + " of the admin server is taken by another process: set AIRLINE_ADMIN_PORTBASE");
      }
    }
    AdminDomain.Password password = domain.password();
    Path asadminPasswords = domain.asadminPasswords();
    Files.createDirectories(domain.domainsDir());
    AdminDomain.writePrivate(asadminPasswords, "AS_ADMIN_PASSWORD=" + password.value() + "\n");
    long begin = System.nanoTime();
    Path domainXml = domain.domainXml();
    if (!Files.exists(domainXml)) {
      out.println("Creating the admin server's domain in " + domain.dir());
      asadmin(install, domain.createDomain());
    }
    boolean secure = AdminDomain.secureAdmin(Files.readString(domainXml));
    out.println("Starting the admin server (log: " + domain.log() + ")");
    asadmin(install, domain.lifecycle("start-domain"));
    List<String> remote = domain.remote();
    if (!secure) {
      // takes effect at the restart below; the console and asadmin then speak HTTPS only
      asadmin(install, with(remote, "enable-secure-admin"));
    }
    Path applied = domain.appliedGrid();
    String grid = String.join(" ", domain.hazelcastConfiguration());
    if (!Files.exists(applied) || !Files.readString(applied).equals(grid)) {
      asadmin(install, with(remote, domain.hazelcastConfiguration()));
      Files.writeString(applied, grid);
    }
    if (!secure) {
      asadmin(install, domain.lifecycle("restart-domain"));
    }
    out.printf(
        "The admin server is running (%d s): %s%n",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin), domain.consoleUrl());
    out.println(
        "  user "
            + domain.user()
            + ", "
            + (password.generated()
                ? "password "
                    + password.value()
                    + " (generated; kept in "
                    + domain.passwordFile()
                    + ")"
                : password.fromFile()
                    ? "password in " + domain.passwordFile()
                    : "password from AIRLINE_ADMIN_PASSWORD"));
    out.println(
        "  grid '"
            + settings.cluster()
            + "': the instances join it as they find its member on port "
            + AdminDomain.hazelcastPort(settings));
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
      asadmin(install, with(remote, domain.hazelcastConfiguration()));
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
      List<String> seen =
          AdminDomain.members(asadmin(install, with(remote, "list-hazelcast-cluster-members")));
      if (seen.containsAll(names)) {
        return true;
      }
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(3000);
    }
  }

  void stop() throws IOException, InterruptedException {
    Optional<ProcessHandle> das = runningPid().flatMap(ProcessHandle::of);
    if (das.isEmpty()) {
      out.println("The admin server is not running");
      return;
    }
    out.println("Stopping the admin server (pid " + das.get().pid() + ")");
    try {
      asadmin(domain.install(), domain.lifecycle("stop-domain"));
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
              + (Files.exists(domain.dir()) ? "" : " (no domain yet)")
              + "; ./airline admin start");
      return;
    }
    out.println(
        "admin server: running, pid "
            + pid.get()
            + ", console "
            + domain.consoleUrl()
            + ", user "
            + domain.user());
    Path asadminPasswords = domain.asadminPasswords();
    AdminDomain.writePrivate(
        asadminPasswords, "AS_ADMIN_PASSWORD=" + domain.password().value() + "\n");
    out.println("grid '" + settings.cluster() + "' as the admin server sees it:");
    asadmin(domain.install(), with(domain.remote(), "list-hazelcast-cluster-members"))
        .forEach(line -> out.println("  " + line));
  }

  private static List<String> with(List<String> options, String... command) {
    return with(options, Arrays.asList(command));
  }

  private static List<String> with(List<String> options, List<String> command) {
    List<String> all = new ArrayList<>(options);
    all.addAll(command);
    return all;
  }

  /** Runs asadmin and answers what it printed; fails with that when it failed. */
  private List<String> asadmin(Path install, List<String> args)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(domain.asadminCommand(install, args))
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
              + domain.log()
              + ")");
    }
    return lines.stream()
        .filter(l -> !l.isBlank() && !l.startsWith("Command ") && !l.startsWith("Waiting for"))
        .toList();
  }
}
