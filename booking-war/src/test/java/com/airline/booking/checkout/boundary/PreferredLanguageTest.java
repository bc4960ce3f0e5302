package com.airline.booking.checkout.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreferredLanguageTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "de-DE,de;q=0.9|de",
        "fr|fr",
        "FR-ca|fr",
        "pt_BR|pt",
        "  es-419 ;q=1, en;q=0.5|es",
        "en-GB,de;q=0.8|en",
        "*|en",
        "NULL|en",
        "''|en",
        "1234|en",
        "de<script>|en",
        "x|en",
        ",de|en"
      })
  void of_takesThePrimarySubtagOfTheFirstTag_elseEnglish(String header, String expected) {
    assertEquals(expected, PreferredLanguage.of(header));
  }
}
