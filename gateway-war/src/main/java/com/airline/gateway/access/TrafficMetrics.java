package com.airline.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The gateway's traffic as MicroProfile Metrics (Prometheus text at /metrics): requests by route
 * and status, latency by route, 429s by limit, upstream failures by service and kind, and requests
 * counted by a local bucket because the data grid failed. Metrics are looked up once per name and
 * tags, not per request.
 */
@ApplicationScoped
public class TrafficMetrics {

  @Inject MetricRegistry registry;

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public void request(String route, int status, long nanos) {
    counters
        .computeIfAbsent(
            "requests " + route + " " + status,
            k ->
                registry.counter(
                    "gateway.requests",
                    new Tag("route", route),
                    new Tag("status", Integer.toString(status))))
        .inc();
    timers
        .computeIfAbsent(route, k -> registry.timer("gateway.latency", new Tag("route", route)))
        .update(Duration.ofNanos(nanos));
  }

  public void rateLimited(String limit) {
    count("gateway.rate-limited", "limit", limit);
  }

  public void rateLimitedLocally() {
    count("gateway.rate-limit.local", "limit", "any");
  }

  public void upstreamFailure(String service, String kind) {
    counters
        .computeIfAbsent(
            "upstream " + service + " " + kind,
            k ->
                registry.counter(
                    "gateway.upstream.failures",
                    new Tag("service", service),
                    new Tag("kind", kind)))
        .inc();
  }

  private void count(String name, String tag, String value) {
    counters
        .computeIfAbsent(name + " " + value, k -> registry.counter(name, new Tag(tag, value)))
        .inc();
  }
}
