package com.airline.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance commands of {@code ./airline}, which checks the machine, builds, exports the
 * configuration and then runs {@code java -jar ops/target/ops.jar COMMAND}:
 *
 * <ul>
 *   <li>{@code up [--replicas flights=2,...] [SERVICE|INSTANCE...]}: starts what is not running,
 *       waits until it is ready, leaves the supervisor running (unless AIRLINE_SUPERVISE=false);
 *   <li>{@code down [SERVICE|INSTANCE...]}: stops them; with none, the supervisor first, then all;
 *   <li>{@code status}; {@code running SERVICE}: the names of its running instances;
 *   <li>{@code deploy SERVICE [WAR]}: a rolling deploy ({@link Deploy});
 *   <li>{@code supervise}: the supervisor itself;
 *   <li>{@code admin start|stop|status}: the grid's admin server ({@link AdminServer}).
 * </ul>
 */
public final class Ops {

  private Ops() {}

  public static void main(String[] args) {
    try {
      System.exit(run(new ArrayList<>(List.of(args)), System.out));
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("airline: " + e.getMessage());
      System.exit(1);
    } catch (Exception e) {
      System.err.println("airline: " + e);
      System.exit(1);
    }
  }

  static int run(List<String> args, PrintStream out) throws Exception {
    Platform platform = Platform.load(Settings.fromEnvironment());
    Launcher launcher = new Launcher(platform, out);
    String command = args.isEmpty() ? "" : args.remove(0);
    switch (command) {
      case "up" -> up(platform, launcher, args);
      case "down" -> down(platform, launcher, args, out);
      case "status" -> new Status(platform, launcher).print(out);
      case "running" ->
          platform.select(args, Map.of()).stream()
              .filter(i -> launcher.runningPid(i).isPresent())
              .forEach(i -> out.println(i.name()));
      case "supervise" -> supervise(platform, launcher, out);
      case "deploy" -> {
        if (args.isEmpty() || args.size() > 2) {
          throw new IllegalArgumentException("usage: ./airline deploy SERVICE [WAR]");
        }
        Service service = platform.service(args.get(0));
        Path war =
            args.size() == 2
                ? Path.of(args.get(1)).toAbsolutePath()
                : service.builtWar(platform.settings);
        new Deploy(platform, launcher, out).run(service, war);
      }
      case "admin" -> {
        return new AdminServer(platform, out).run(args);
      }
      default -> {
        System.err.println(
            "usage: ops up [--replicas S=N,...] [TARGET...] | down [TARGET...] | status"
                + " | admin start|stop|status");
        return 2;
      }
    }
    return 0;
  }

  private static void up(Platform platform, Launcher launcher, List<String> args) throws Exception {
    Settings settings = platform.settings;
    String spec = settings.get("AIRLINE_REPLICAS", "");
    int flag = args.indexOf("--replicas");
    if (flag >= 0) {
      if (flag + 1 >= args.size()) {
        throw new IllegalArgumentException("--replicas needs SERVICE=COUNT,... (e.g. flights=2)");
      }
      spec = args.remove(flag + 1);
      args.remove(flag);
    }
    List<Instance> instances = platform.select(args, platform.replicas(spec));
    // a service none of whose instances runs starts on the WAR as built now
    for (Service service : instances.stream().map(Instance::service).distinct().toList()) {
      if (platform.select(List.of(service.name()), Map.of(service, Service.MAX_INSTANCES)).stream()
          .allMatch(i -> launcher.runningPid(i).isEmpty())) {
        launcher.install(service, service.builtWar(settings));
      }
    }
    for (Instance instance : instances) {
      if (launcher.startUnlessRunning(instance)) {
        // restarts count what the supervisor did since the instance was last started on purpose
        Files.deleteIfExists(instance.restartsFile(settings));
      } else {
        System.out.println(instance.name() + " is already running");
      }
    }
    if (!settings.get("AIRLINE_SUPERVISE", "true").equals("false")) {
      startSupervisor(settings);
    }
    Duration timeout =
        Duration.ofSeconds(Long.parseLong(settings.get("AIRLINE_START_TIMEOUT", "300")));
    for (Instance instance : instances) {
      launcher.waitReady(instance, timeout);
    }
  }

  private static void down(
      Platform platform, Launcher launcher, List<String> args, PrintStream out) {
    List<Instance> instances;
    if (args.isEmpty()) {
      stopSupervisor(platform.settings, out);
      instances = platform.known();
    } else {
      // a service's instances are all that run, whatever the replicas it was started with
      Map<Service, Integer> all = new java.util.HashMap<>();
      platform.services.forEach(s -> all.put(s, Service.MAX_INSTANCES));
      instances = platform.select(args, all);
    }
    for (Instance instance : instances) {
      launcher.stop(instance);
    }
  }

  private static void supervise(Platform platform, Launcher launcher, PrintStream out)
      throws IOException, InterruptedException {
    Path pidFile = Supervisor.pidFile(platform.settings);
    Files.createDirectories(pidFile.getParent());
    Launcher.writePid(pidFile, ProcessHandle.current().pid());
    new Supervisor(platform, launcher, out).run();
  }

  private static void startSupervisor(Settings settings) throws Exception {
    if (Launcher.pidIn(Supervisor.pidFile(settings), "supervise").isPresent()) {
      return;
    }
    Path jar = Path.of(Ops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = settings.home().resolve("logs").resolve("supervisor.log");
    Files.createDirectories(log.getParent());
    new ProcessBuilder(
            "setsid",
            java,
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-cp",
            jar.toString(),
            Ops.class.getName(),
            "supervise")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(new java.io.File("/dev/null"))
        .start();
    System.out.println("Supervisor started (log: " + log + ")");
  }

  private static void stopSupervisor(Settings settings, PrintStream out) {
    Optional<ProcessHandle> supervisor =
        Launcher.pidIn(Supervisor.pidFile(settings), "supervise").flatMap(ProcessHandle::of);
    supervisor.ifPresent(
        p -> {
          out.println("Stopping the supervisor (pid " + p.pid() + ")");
          Launcher.terminate(p, Duration.ofSeconds(10));
        });
    try {
      Files.deleteIfExists(Supervisor.pidFile(settings));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
