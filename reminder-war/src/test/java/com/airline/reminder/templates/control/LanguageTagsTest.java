package com.airline.reminder.templates.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguageTagsTest {

  @Test
  void normalize_acceptsLanguageTagsInAnyCase_andRefusesTheRest() {
    assertEquals(Optional.of("de"), LanguageTags.normalize("de"));
    assertEquals(Optional.of("de-at"), LanguageTags.normalize(" de_AT "));
    assertEquals(Optional.of("pt-br"), LanguageTags.normalize("pt-BR"));
    for (String bad : new String[] {"", "d", "german!", "de-", "../en", "de at", "x".repeat(40)}) {
      assertEquals(Optional.empty(), LanguageTags.normalize(bad), bad);
    }
    assertEquals(Optional.empty(), LanguageTags.normalize(null));
  }

  @Test
  void candidates_goFromTheTagToItsLanguageThenEnglish() {
    assertEquals(List.of("de-at", "de", "en"), LanguageTags.candidates("de-at"));
    assertEquals(List.of("en"), LanguageTags.candidates("en"));
    assertEquals(List.of("en-gb", "en"), LanguageTags.candidates("en-gb"));
  }
}
