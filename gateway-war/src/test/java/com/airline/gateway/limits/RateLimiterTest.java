package com.airline.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A data grid that fails every call, as one whose member is shutting down does. */
  static HazelcastInstance failingGrid() {
    return (HazelcastInstance)
        Proxy.newProxyInstance(
            RateLimiterTest.class.getClassLoader(),
            new Class<?>[] {HazelcastInstance.class},
            (proxy, method, args) -> {
              throw new HazelcastInstanceNotActiveException();
            });
  }

  @Test
  void take_whenTheGridFails_limitsOnThisInstanceInstead() {
    RateLimiter limiter = new RateLimiter();
    limiter.hazelcast = failingGrid();
    RateLimiter.Limit limit = new RateLimiter.Limit(3, Duration.ofMinutes(1));

    for (int i = 2; i >= 0; i--) {
      RateLimiter.Decision decision = limiter.take("address:192.0.2.1", limit);
      assertTrue(decision.allowed());
      assertEquals(i, decision.remaining());
    }
    RateLimiter.Decision refused = limiter.take("address:192.0.2.1", limit);
    assertFalse(refused.allowed());
    assertTrue(refused.retryAfterSeconds() > 0 && refused.retryAfterSeconds() <= 60);
    assertTrue(limiter.take("address:192.0.2.2", limit).allowed(), "each key has its own bucket");
  }

  /**
   * Two gateways on two members of a real grid (embedded Hazelcast, as inside Payara Micro): the
   * limit holds across both, exactly, under concurrent requests; another limit is another bucket.
   */
  @Test
  void take_onTwoMembers_countsOneBucketExactly() throws Exception {
    String cluster = "rate-limiter-test-" + UUID.randomUUID();
    HazelcastInstance one = Hazelcast.newHazelcastInstance(member(cluster));
    HazelcastInstance two = Hazelcast.newHazelcastInstance(member(cluster));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      assertEquals(2, one.getCluster().getMembers().size());
      RateLimiter first = new RateLimiter();
      first.hazelcast = one;
      RateLimiter second = new RateLimiter();
      second.hazelcast = two;
      RateLimiter.Limit limit = new RateLimiter.Limit(50, Duration.ofMinutes(1));

      AtomicInteger allowed = new AtomicInteger();
      var calls = new java.util.ArrayList<Future<?>>();
      for (int i = 0; i < 80; i++) {
        RateLimiter limiter = i % 2 == 0 ? first : second;
        calls.add(
            pool.submit(
                () -> {
                  if (limiter.take("user:alice", limit).allowed()) {
                    allowed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
      assertEquals(50, allowed.get());
      assertTrue(
          second.take("user:alice", new RateLimiter.Limit(5, Duration.ofMinutes(1))).allowed(),
          "a gateway with another limit counts in a bucket of its own");
    } finally {
      pool.shutdownNow();
      one.shutdown();
      two.shutdown();
    }
  }

  private static Config member(String cluster) {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    var network = config.getNetworkConfig().setPort(27900).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .addMember("127.0.0.1:27900")
        .addMember("127.0.0.1:27901");
    return config;
  }
}
