package com.airline.gateway.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

  /**
   * Made at deployment: Payara's MetricRegistry producer needs the application's context, which the
   * thread that completes an asynchronous request lacks (the first request then lost its access log
   * line to a NullPointerException in MetricsServiceImpl.getApplicationName).
   */
  void atStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    // observing is enough: the bean and its registry are made now
  }

  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public void request(String route, int status, long nanos) {
    count("gateway.requests", "route", route, "status", Integer.toString(status));
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
    count("gateway.upstream.failures", "service", service, "kind", kind);
  }

  /** Counts one on the counter of that name and tags, given as name, value, name, value... */
  private void count(String name, String... tags) {
    counters
        .computeIfAbsent(
            name + " " + String.join(" ", tags),
            k -> {
              Tag[] metricTags = new Tag[tags.length / 2];
              for (int i = 0; i < metricTags.length; i++) {
                metricTags[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
              }
              return registry.counter(name, metricTags);
            })
        .inc();
  }
}
