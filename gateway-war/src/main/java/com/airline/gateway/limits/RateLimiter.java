package com.airline.gateway.limits;

import com.airline.gateway.access.TrafficMetrics;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Token buckets in the data grid, so that every gateway instance counts against the same bucket.
 * Bucket4j's compare-and-swap backend: the grid's members (most of them other services, which lack
 * the gateway's classes) only store and swap bytes; an entry processor would have to be
 * deserialized, with gateway classes, on the member that owns the key. When the grid fails (a
 * member joining, an entry processor answering with an error) this instance counts alone in a local
 * bucket and says so in its log: the limiter never fails a request.
 */
@ApplicationScoped
public class RateLimiter {

  /** {@code capacity} requests per {@code window}, refilled whole at the end of each window. */
  public record Limit(long capacity, Duration window) {
    BucketConfiguration configuration() {
      return BucketConfiguration.builder()
          .addLimit(
              Bandwidth.builder().capacity(capacity).refillIntervally(capacity, window).build())
          .build();
    }
  }

  /** What a request takes: whether it may pass, what is left, and when it is full again. */
  public record Decision(
      boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    static Decision of(ConsumptionProbe probe) {
      return new Decision(
          probe.isConsumed(),
          probe.getRemainingTokens(),
          seconds(probe.getNanosToWaitForReset()),
          Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
      return (nanos + 999_999_999L) / 1_000_000_000L;
    }
  }

  static final String MAP = "gateway-rate-limits";
  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final int MAX_LOCAL_BUCKETS = 100_000;

  /** Payara's own member of the data grid. */
  @Inject HazelcastInstance hazelcast;

  @Inject TrafficMetrics metrics;

  private volatile ProxyManager<String> grid;
  private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
  private final Map<String, Bucket> local = new ConcurrentHashMap<>();
  private volatile Instant lastWarning = Instant.EPOCH;

  /**
   * Takes one request from the client's bucket for that limit. The limit is part of the bucket's
   * key: gateways of one grid configured with other limits count in buckets of their own.
   */
  public Decision take(String client, Limit limit) {
    String key = limit.capacity() + "/" + limit.window() + " " + client;
    try {
      return Decision.of(remoteBucket(key, limit).tryConsumeAndReturnRemaining(1));
    } catch (RuntimeException e) {
      warn(e);
      if (metrics != null) {
        metrics.rateLimitedLocally();
      }
      return Decision.of(localBucket(key, limit).tryConsumeAndReturnRemaining(1));
    }
  }

  /**
   * The key's bucket in the grid, through a proxy kept per key: its batching sends the requests of
   * one client that arrive together to the grid as one call (a busy client is one hot key).
   */
  private BucketProxy remoteBucket(String key, Limit limit) {
    BucketProxy bucket = proxies.get(key);
    if (bucket == null) {
      if (proxies.size() > MAX_LOCAL_BUCKETS) {
        proxies.clear();
      }
      bucket =
          proxies.computeIfAbsent(
              key,
              k ->
                  grid(limit)
                      .builder()
                      .withOptimization(Optimizations.batching())
                      .build(k, limit::configuration));
    }
    return bucket;
  }

  private ProxyManager<String> grid(Limit limit) {
    ProxyManager<String> manager = grid;
    if (manager == null) {
      synchronized (this) {
        if (grid == null) {
          grid = Bucket4jHazelcast.casBasedBuilder(map(limit.window())).build();
        }
        manager = grid;
      }
    }
    return manager;
  }

  /**
   * The buckets' map. Entries go two windows after their last use (a bucket untouched for a window
   * is full anyway), else the map would keep one entry per client ever seen; the first gateway to
   * ask configures that for the whole grid.
   */
  private IMap<String, byte[]> map(Duration window) {
    try {
      hazelcast
          .getConfig()
          .addMapConfig(
              new MapConfig(MAP)
                  .setMaxIdleSeconds((int) Math.max(1, window.multipliedBy(2).toSeconds())));
    } catch (InvalidConfigurationException e) {
      LOG.info(() -> "The grid's " + MAP + " map is configured already: " + e.getMessage());
    }
    return hazelcast.getMap(MAP);
  }

  private Bucket localBucket(String key, Limit limit) {
    if (local.size() > MAX_LOCAL_BUCKETS) {
      local.clear(); // a crude bound: clients lose their count, memory stays bounded
    }
    return local.computeIfAbsent(
        key, k -> Bucket.builder().addLimit(limit.configuration().getBandwidths()[0]).build());
  }

  private void warn(RuntimeException e) {
    Instant now = Instant.now();
    if (now.isAfter(lastWarning.plusSeconds(60))) {
      lastWarning = now;
      LOG.log(
          Level.WARNING,
          "Rate limits are counted on this instance alone: the data grid failed ("
              + e
              + "); warned again in a minute at most",
          e);
    }
  }
}
