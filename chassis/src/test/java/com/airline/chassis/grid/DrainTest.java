package com.airline.chassis.grid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DrainTest {

  @Test
  void allowed_onlyWithTheOpsTokenAsBearer() {
    assertTrue(Drain.allowed("Bearer s3cret-token", "s3cret-token"));
    assertFalse(Drain.allowed("Bearer s3cret-toke", "s3cret-token"));
    assertFalse(Drain.allowed("s3cret-token", "s3cret-token"));
    assertFalse(Drain.allowed(null, "s3cret-token"));
  }
}
