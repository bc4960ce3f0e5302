package com.airline.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./airline deploy SERVICE [WAR]}: a rolling deploy. The WAR becomes the service's (see
 * {@link Service#deployedWar}); then each running instance in turn leaves the rotation (it
 * withdraws from the grid, where the gateway and the other services find instances, and finishes
 * what it is serving), is stopped, starts on the new WAR and, once ready, is back in rotation; only
 * then the next. With two instances or more the service never stops answering.
 */
final class Deploy {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final Platform platform;
  private final Launcher launcher;
  private final PrintStream out;

  Deploy(Platform platform, Launcher launcher, PrintStream out) {
    this.platform = platform;
    this.launcher = launcher;
    this.out = out;
  }

  void run(Service service, Path war) throws IOException, InterruptedException {
    Settings settings = platform.settings;
    List<Instance> running =
        platform.select(List.of(service.name()), Map.of(service, Service.MAX_INSTANCES)).stream()
            .filter(i -> launcher.runningPid(i).isPresent())
            .toList();
    if (running.isEmpty()) {
      throw new IllegalStateException(
          "no instance of "
              + service.name()
              + " runs: start it with ./airline up "
              + service.name());
    }
    launcher.install(service, war);
    out.println("Deploying " + war + " to " + running.size() + " instance(s) of " + service.name());
    Duration timeout =
        Duration.ofSeconds(Long.parseLong(settings.get("AIRLINE_START_TIMEOUT", "300")));
    Duration grace = Duration.parse(settings.get("AIRLINE_DEPLOY_GRACE", "PT2S"));
    for (Instance instance : running) {
      long start = System.nanoTime();
      drain(instance);
      // gateways that picked it just before it withdrew still send those requests
      Thread.sleep(grace.toMillis());
      launcher.stop(instance);
      launcher.startUnlessRunning(instance);
      launcher.waitReady(instance, timeout);
      out.printf(
          "  %s runs the new WAR, back in rotation (%.1f s)%n",
          instance.name(), (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Asks the instance to leave the rotation and waits until it has answered what it was serving
   * (the chassis' drain endpoint, which only the holder of AIRLINE_OPS_TOKEN may call).
   */
  private void drain(Instance instance) throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + instance.port(platform.settings) + "/ops/drain"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + platform.settings.get("AIRLINE_OPS_TOKEN", ""))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          instance.name()
              + " did not leave the rotation ("
              + answer.statusCode()
              + " "
              + answer.body()
              + "): nothing was stopped after it");
    }
    out.println("  " + instance.name() + " left the rotation: " + answer.body().strip());
  }
}
