package com.airline.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A data grid that fails every call, as a member that lacks the WAR does. */
  static CacheManager failingGrid() {
    return (CacheManager)
        Proxy.newProxyInstance(
            RateLimiterTest.class.getClassLoader(),
            new Class<?>[] {CacheManager.class},
            (proxy, method, args) -> {
              throw new CacheException("entryProcessor is null");
            });
  }

  @Test
  void take_whenTheGridFails_limitsOnThisInstanceInstead() {
    RateLimiter limiter = new RateLimiter();
    limiter.cacheManager = failingGrid();
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
}
