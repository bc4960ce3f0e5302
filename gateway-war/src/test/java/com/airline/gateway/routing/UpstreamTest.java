package com.airline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpstreamTest {

  static Upstream flights(Duration skipFor, String... urls) {
    return new Upstream(
        "flights",
        List.of(urls).stream().map(URI::create).toList(),
        List.of(),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        2,
        skipFor);
  }

  @Test
  void pick_takesInstancesInTurn() {
    Upstream upstream = flights(Duration.ofSeconds(10), "http://a", "http://b");
    assertEquals("http://a", upstream.pick(null).url().toString());
    assertEquals("http://b", upstream.pick(null).url().toString());
    assertEquals("http://a", upstream.pick(null).url().toString());
  }

  @Test
  void pick_skipsAnInstanceAfterFailuresInARow_andNeverTheOneJustRefused() {
    Upstream upstream = flights(Duration.ofSeconds(10), "http://a", "http://b");
    Upstream.Target a = upstream.targets().get(0);
    Upstream.Target b = upstream.targets().get(1);
    a.failed();
    a.failed();
    for (int i = 0; i < 4; i++) {
      assertSame(b, upstream.pick(null));
    }
    assertNull(upstream.pick(b), "a is skipped and b just refused");
  }

  @Test
  void circuit_opensWhenEveryInstanceIsSkipped_andOneTrialClosesIt() throws Exception {
    Upstream upstream = flights(Duration.ofMillis(200), "http://a");
    Upstream.Target a = upstream.targets().get(0);
    a.failed();
    assertSame(a, upstream.pick(null), "one failure is not yet enough");
    a.failed();
    assertNull(upstream.pick(null), "open");
    Thread.sleep(250);
    assertSame(a, upstream.pick(null), "the trial");
    assertNull(upstream.pick(null), "only one trial at a time");
    a.succeeded();
    assertSame(a, upstream.pick(null), "closed again");
    assertSame(a, upstream.pick(null));
  }

  static Upstream configuredAndFallback(String configured, String fallback) {
    return new Upstream(
        "flights",
        configured == null ? List.of() : List.of(URI.create(configured)),
        fallback == null ? List.of() : List.of(URI.create(fallback)),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        2,
        Duration.ofSeconds(10));
  }

  static List<String> urls(Upstream upstream) {
    return upstream.targets().stream().map(t -> t.url().toString()).toList();
  }

  @Test
  void discovered_theGridsInstancesReplaceTheServiceUrl_untilItKnowsNone() {
    Upstream upstream = configuredAndFallback(null, "http://a");
    assertEquals(List.of("http://a"), urls(upstream));

    upstream.discovered(List.of(URI.create("http://a"), URI.create("http://b")));
    assertEquals(List.of("http://a", "http://b"), urls(upstream));
    upstream.discovered(List.of(URI.create("http://b")));
    assertEquals(List.of("http://b"), urls(upstream), "a left the grid");
    upstream.discovered(List.of());
    assertEquals(List.of("http://a"), urls(upstream), "none in the grid: the service's URL");
  }

  @Test
  void discovered_instancesConfiguredOutsideTheGridAlwaysCount() {
    Upstream upstream = configuredAndFallback("http://outside", null);
    assertEquals(List.of("http://outside"), urls(upstream));
    upstream.discovered(List.of(URI.create("http://b")));
    assertEquals(List.of("http://b", "http://outside"), urls(upstream));
    upstream.discovered(List.of());
    assertEquals(List.of("http://outside"), urls(upstream));
  }

  @Test
  void discovered_anInstanceThatStaysKeepsItsHealth_andOneThatComesBackStartsAfresh() {
    Upstream upstream = configuredAndFallback(null, "http://a");
    upstream.discovered(List.of(URI.create("http://a"), URI.create("http://b")));
    Upstream.Target a = upstream.targets().get(0);
    Upstream.Target b = upstream.targets().get(1);
    b.failed();
    b.failed();

    upstream.discovered(
        List.of(URI.create("http://a"), URI.create("http://b"), URI.create("http://c")));
    assertSame(a, upstream.targets().get(0));
    assertSame(b, upstream.targets().get(1), "the same target, still skipped");
    for (int i = 0; i < 6; i++) {
      assertNotSame(b, upstream.pick(null));
    }

    upstream.discovered(List.of(URI.create("http://a"), URI.create("http://c")));
    upstream.discovered(
        List.of(URI.create("http://a"), URI.create("http://b"), URI.create("http://c")));
    Upstream.Target back = upstream.targets().get(1);
    assertNotSame(b, back, "b left and came back: a new target");
    Set<Upstream.Target> picked = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      picked.add(upstream.pick(null));
    }
    assertTrue(picked.contains(back), "used at once");
  }

  @Test
  void serves_matchesTheHostAndPortOfACurrentInstance() {
    Upstream upstream = configuredAndFallback(null, "http://127.0.0.1:8082");
    assertTrue(upstream.serves("127.0.0.1", 8082));
    assertFalse(upstream.serves("127.0.0.1", 8182));
    upstream.discovered(List.of(URI.create("http://127.0.0.1:8182")));
    assertTrue(upstream.serves("127.0.0.1", 8182));
    assertFalse(upstream.serves("127.0.0.1", 8082));
  }
}
