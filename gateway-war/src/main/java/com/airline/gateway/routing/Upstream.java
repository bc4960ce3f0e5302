package com.airline.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A service's instances, used in turn, with passive health: after {@code failuresToSkip} failures
 * in a row (no connection, no answer in time) an instance is skipped for {@code skipFor}, then one
 * request tries it again. When every instance is skipped the service's circuit is open: requests
 * for it fail at once instead of waiting for a timeout.
 *
 * <p>The instances are those the data grid knows ({@link #discovered}) and those configured outside
 * it; while there are neither, the service's configured URL. They change as instances come and go,
 * each request takes the list as it is then, and an instance that stays keeps its health.
 */
public final class Upstream {

  private static final Logger LOG = Logger.getLogger(Upstream.class.getName());

  /** One instance of the service and its health as the gateway saw it. */
  public static final class Target {
    private final URI url;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong skippedUntil = new AtomicLong(Long.MIN_VALUE);
    private final Upstream upstream;

    Target(URI url, Upstream upstream) {
      this.url = url;
      this.upstream = upstream;
    }

    public URI url() {
      return url;
    }

    /** Whether it listens at that host and port. */
    boolean at(String host, int port) {
      int own = url.getPort() >= 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
      return own == port && host.equalsIgnoreCase(url.getHost());
    }

    /** Whether this request may use it; past a skip, the first request to ask is the trial. */
    boolean tryAcquire(long now) {
      long until = skippedUntil.get();
      if (until == Long.MIN_VALUE) {
        return true;
      }
      return now - until >= 0
          && skippedUntil.compareAndSet(until, now + upstream.skipFor.toNanos());
    }

    public void succeeded() {
      failures.set(0);
      skippedUntil.set(Long.MIN_VALUE);
    }

    public void failed() {
      if (failures.incrementAndGet() >= upstream.failuresToSkip) {
        skippedUntil.set(System.nanoTime() + upstream.skipFor.toNanos());
      }
    }

    @Override
    public String toString() {
      return url.toString();
    }
  }

  private final String service;
  private final List<URI> outsideGrid;
  private final List<URI> withoutGrid;
  private volatile List<Target> targets = List.of();
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int failuresToSkip;
  private final Duration skipFor;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * A service with the instances {@code outsideGrid} (always used, besides those of the grid) and
   * {@code withoutGrid} (used while there are no others).
   */
  Upstream(
      String service,
      List<URI> outsideGrid,
      List<URI> withoutGrid,
      Duration connectTimeout,
      Duration readTimeout,
      int failuresToSkip,
      Duration skipFor) {
    this.service = service;
    this.outsideGrid = List.copyOf(outsideGrid);
    this.withoutGrid = List.copyOf(withoutGrid);
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.failuresToSkip = failuresToSkip;
    this.skipFor = skipFor;
    discovered(List.of());
  }

  /**
   * The instances now that the grid knows these of the service. Those that stay keep their targets,
   * and so their health; one that comes back after leaving starts afresh (it published itself once
   * ready again).
   */
  public synchronized void discovered(List<URI> inGrid) {
    List<URI> urls = Stream.concat(inGrid.stream(), outsideGrid.stream()).distinct().toList();
    if (urls.isEmpty()) {
      urls = withoutGrid;
    }
    List<Target> current = targets;
    if (current.stream().map(Target::url).toList().equals(urls)) {
      return;
    }
    Map<URI, Target> known = new HashMap<>();
    current.forEach(t -> known.put(t.url(), t));
    targets =
        urls.stream().map(u -> known.computeIfAbsent(u, url -> new Target(url, this))).toList();
    if (!current.isEmpty()) {
      LOG.info(() -> service + " instances: " + targets);
    }
  }

  /**
   * The next instance in turn that is not skipped, other than {@code tried} (an instance that just
   * refused a connection); null when there is none: the circuit is open.
   */
  public Target pick(Target tried) {
    List<Target> targets = this.targets;
    if (targets.isEmpty()) {
      return null;
    }
    long now = System.nanoTime();
    int start = Math.floorMod(next.getAndIncrement(), targets.size());
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get((start + i) % targets.size());
      if (target != tried && target.tryAcquire(now)) {
        return target;
      }
    }
    return null;
  }

  public String service() {
    return service;
  }

  /** The instances as they are now. */
  public List<Target> targets() {
    return targets;
  }

  /** Whether one of its instances listens at that host and port. */
  public boolean serves(String host, int port) {
    for (Target target : targets) {
      if (target.at(host, port)) {
        return true;
      }
    }
    return false;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration skipFor() {
    return skipFor;
  }

  @Override
  public String toString() {
    return service + targets;
  }
}
