package com.airline.gateway.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The whole system as the gateway sees it: each routed service's own readiness, as data. It never
 * turns the gateway DOWN: one service being down must not take the door to all others out of a load
 * balancer (requests for that service get a 503 problem instead).
 */
@Readiness
@ApplicationScoped
public class ServicesCheck implements HealthCheck {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Inject Routes routes;

  @Override
  public HealthCheckResponse call() {
    Map<String, Upstream> services = new TreeMap<>();
    routes.upstreams().forEach(u -> services.put(u.service(), u));
    HealthCheckResponseBuilder result = HealthCheckResponse.named("services").up();
    services.forEach(
        (name, upstream) ->
            result.withData(
                name, upstream.targets().stream().anyMatch(t -> ready(t.url())) ? "UP" : "DOWN"));
    return result.build();
  }

  private static boolean ready(URI service) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(service.resolve("/health/ready"))
              .timeout(Duration.ofSeconds(3))
              .build();
      return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
