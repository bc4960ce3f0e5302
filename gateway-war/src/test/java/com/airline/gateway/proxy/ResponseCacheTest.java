package com.airline.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseCacheTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "public, max-age=10 | 10",
        "Public, Max-Age=3 | 3",
        "max-age=10, public | 10",
        "public, max-age=10, s-maxage=60 | 60",
        "public, s-maxage=60, max-age=10 | 60",
        "max-age=10 | 0",
        "public | 0",
        "public, max-age=0 | 0",
        "public, private, max-age=10 | 0",
        "public, no-store, max-age=10 | 0",
        "public, no-cache, max-age=10 | 0",
        "public, max-age=99999999999999999999 | 2147483648",
        "public, max-age=x | 0",
      })
  void aSharedCacheKeeps_publicAnswers_forTheirMaxAge(String cacheControl, long seconds) {
    assertEquals(seconds, ResponseCache.freshFor(cacheControl));
  }

  @Test
  void noHeader_isNotKept() {
    assertEquals(0, ResponseCache.freshFor(null));
  }
}
