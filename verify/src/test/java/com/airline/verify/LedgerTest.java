package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

  @Test
  void subjects_areFiledUnderTheReferenceTheyName() {
    Map<String, List<String>> found =
        Ledger.byReference(
            Arrays.asList(
                "Booking K7QX2M confirmed: flight QK2345",
                "Booking K7QX2M cancelled",
                null,
                "Booking ZZ22AB confirmed: flight QK12"));

    assertEquals(
        List.of("Booking K7QX2M confirmed: flight QK2345", "Booking K7QX2M cancelled"),
        found.get("K7QX2M"));
    assertEquals(List.of("Booking ZZ22AB confirmed: flight QK12"), found.get("ZZ22AB"));
    assertEquals(2, found.size());
  }
}
