package com.airline.chassis.requestid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaggingTest {

  @AfterEach
  void noRequest() {
    RequestIds.CURRENT.remove();
  }

  @Test
  void text_prefixesTheRequestIdWhileARequestIsServed() {
    RequestIds.Tagging tagging = new RequestIds.Tagging(null, null);
    LogRecord outside = new LogRecord(Level.INFO, "started");
    tagging.isLoggable(outside);
    assertEquals("started", outside.getMessage());
    assertNull(outside.getParameters());

    RequestIds.CURRENT.set("req-1");
    LogRecord inside = new LogRecord(Level.INFO, "booked");
    tagging.isLoggable(inside);
    tagging.isLoggable(inside); // a second handler
    assertEquals("[requestId=req-1] booked", inside.getMessage());
  }

  @Test
  void json_addsInstanceServiceAndRequestIdAsFieldsOnce_keepingTheMessageAndItsParameters() {
    RequestIds.Tagging tagging =
        new RequestIds.Tagging(null, Map.of("instance", "flights-2", "service", "flights"));
    LogRecord outside = new LogRecord(Level.INFO, "started");
    tagging.isLoggable(outside);
    assertEquals("started", outside.getMessage());
    assertArrayEquals(
        new Object[] {Map.of("instance", "flights-2", "service", "flights")},
        outside.getParameters());

    RequestIds.CURRENT.set("req-2");
    LogRecord inside = new LogRecord(Level.INFO, "seat {0} taken");
    inside.setParameters(new Object[] {"12A"});
    tagging.isLoggable(inside);
    tagging.isLoggable(inside); // a second handler
    assertEquals("seat {0} taken", inside.getMessage());
    assertArrayEquals(
        new Object[] {
          "12A", Map.of("instance", "flights-2", "service", "flights", "requestId", "req-2")
        },
        inside.getParameters());
  }
}
