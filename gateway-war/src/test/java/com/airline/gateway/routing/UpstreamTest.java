package com.airline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpstreamTest {

  static Upstream flights(Duration skipFor, String... urls) {
    return new Upstream(
        "flights",
        List.of(urls).stream().map(URI::create).toList(),
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
}
