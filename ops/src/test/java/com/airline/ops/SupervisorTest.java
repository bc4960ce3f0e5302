package com.airline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  @Test
  void backoff_doublesWhileAnInstanceKeepsDying_andStartsOverOnceItStayedUp() {
    Supervisor.Backoff backoff = new Supervisor.Backoff();
    Instant t = Instant.parse("2026-12-06T10:00:00Z");
    long[] expected = {1, 2, 4, 8, 16, 32, 60, 60};
    for (long seconds : expected) {
      Instant when = backoff.deadAt(t);
      assertEquals(t.plusSeconds(seconds), when);
      assertEquals(when, backoff.deadAt(t.plusMillis(500)), "the same death is not rescheduled");
      backoff.restarted(when);
      t = when.plusSeconds(1); // dies a second after each restart
    }
    Instant later = t.plus(Supervisor.STABLE).plusSeconds(5);
    assertEquals(later.plusSeconds(1), backoff.deadAt(later));
  }
}
