package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimelineTest {

  final Timeline timeline = new Timeline();

  Timeline filled() {
    for (long second = 0; second < 10; second++) {
      timeline.add("book", second, Timeline.End.ANSWERED, 20 + second);
      timeline.add("book", second, Timeline.End.ANSWERED, 30);
      timeline.add("search", second, Timeline.End.ANSWERED, 5);
    }
    timeline.add("book", 4, Timeline.End.UNAVAILABLE, 3000);
    timeline.add("search", 5, Timeline.End.WRONG, 10);
    timeline.window("broker stopped", 3, 6);
    return timeline;
  }

  @Test
  void counts_andRates_areOverTheSecondsAsked() {
    filled();
    assertEquals(2.0, timeline.rate("book", 0, 9));
    assertEquals(1.0, timeline.rate("search", 2, 3));
    assertEquals(1, timeline.count(null, Timeline.End.UNAVAILABLE, 3, 6));
    assertEquals(0, timeline.count(null, Timeline.End.UNAVAILABLE, 5, 9));
    assertEquals(1, timeline.count("search", Timeline.End.WRONG, 0, 9));
    assertEquals(0, timeline.count("book", Timeline.End.WRONG, 0, 9));
    assertEquals(3000, timeline.stats("book", 4, 4).percentile(99));
    assertEquals(30, timeline.stats("book", 0, 9).percentile(50));
  }

  @Test
  void svg_shadesEachFaultWindow_andNamesTheKinds() {
    String svg = filled().svg();
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertTrue(svg.contains("fill=\"#f6d5d5\""), "a shaded window: " + svg);
    assertTrue(svg.contains(">broker stopped</text>"), svg);
    assertTrue(svg.contains(">book</text>") && svg.contains(">search</text>"), svg);
    assertTrue(svg.trim().endsWith("</svg>"), svg);
  }
}
