package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

  static final Map<String, String> ENV = Map.of("AUTH_ADMIN_PASSWORD", "secret");

  @Test
  void quickByDefault_everyCheckSelected() {
    Options options = Options.parse(new String[0], ENV);
    assertNull(options.full());
    assertTrue(options.selects("journey"));
    assertTrue(options.selects("fault: database stopped"));
  }

  @Test
  void full_takesItsSettings_andOnlySelectsByWord() {
    Options options =
        Options.parse(
            new String[] {"--full", "--minutes", "2", "--flights", "20", "--only", "load,database"},
            ENV);
    assertEquals(new Full.Settings(2, 8, 16, 20), options.full());
    assertTrue(options.selects("load"));
    assertTrue(options.selects("fault: database stopped"));
    assertFalse(options.selects("journey"));
    assertFalse(options.selects("fault: broker stopped"));
  }

  @Test
  void aBadValue_isRefusedWithTheUsage() {
    var refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> Options.parse(new String[] {"--full", "--bookings", "0"}, ENV));
    assertTrue(
        refused.getMessage().contains("--bookings needs a positive number"), refused.getMessage());
  }
}
