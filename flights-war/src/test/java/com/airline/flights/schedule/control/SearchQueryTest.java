package com.airline.flights.schedule.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  private static SearchQuery parse(String... namesAndValues) {
    MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return SearchQuery.parse(parameters);
  }

  @Test
  void airlines_areUpperCasedSortedAndDistinct_fromOneOrSeveralParameters() {
    SearchQuery query = parse("from", "LHR", "airline", "lh, BA", "airline", "LH");
    assertEquals(List.of("BA", "LH"), query.airlines());
    assertEquals(query, parse("airline", "BA,LH", "from", "lhr"), "one cache entry for both");
  }

  @Test
  void airlines_areAPartOfTheCacheKey() {
    assertEquals(List.of(), parse("from", "LHR").airlines());
    assertNotEquals(parse("from", "LHR"), parse("from", "LHR", "airline", "BA"));
    assertNotEquals(parse("airline", "BA"), parse("airline", "LH"));
  }
}
