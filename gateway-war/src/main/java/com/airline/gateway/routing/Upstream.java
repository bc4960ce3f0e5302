package com.airline.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A service's instances, used in turn, with passive health: after {@code failuresToSkip} failures
 * in a row (no connection, no answer in time) an instance is skipped for {@code skipFor}, then one
 * request tries it again. When every instance is skipped the service's circuit is open: requests
 * for it fail at once instead of waiting for a timeout.
 */
public final class Upstream {

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
  private final List<Target> targets;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int failuresToSkip;
  private final Duration skipFor;
  private final AtomicInteger next = new AtomicInteger();

  Upstream(
      String service,
      List<URI> urls,
      Duration connectTimeout,
      Duration readTimeout,
      int failuresToSkip,
      Duration skipFor) {
    this.service = service;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.failuresToSkip = failuresToSkip;
    this.skipFor = skipFor;
    this.targets = urls.stream().map(u -> new Target(u, this)).toList();
  }

  /**
   * The next instance in turn that is not skipped, other than {@code tried} (an instance that just
   * refused a connection); null when there is none: the circuit is open.
   */
  public Target pick(Target tried) {
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

  public List<Target> targets() {
    return targets;
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
