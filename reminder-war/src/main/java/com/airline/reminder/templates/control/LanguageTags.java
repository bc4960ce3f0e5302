package com.airline.reminder.templates.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Language tags as template sets are named (lower case, hyphens: en, de, pt-br), and the order in
 * which sets are tried for a booking's tag: itself, shorter tags down to its language, English.
 */
public final class LanguageTags {

  /** Every booking without a language, or with one that has no templates, gets English. */
  public static final String FALLBACK = "en";

  private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{1,8})*");
  private static final int MAX = 35;

  private LanguageTags() {}

  /** "de_AT" and "de-AT" become "de-at"; anything that is not a language tag, empty. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String tag = raw.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    return tag.length() <= MAX && TAG.matcher(tag).matches() ? Optional.of(tag) : Optional.empty();
  }

  /** "de-at" gives de-at, de, en. */
  public static List<String> candidates(String tag) {
    List<String> candidates = new ArrayList<>();
    for (String t = tag;
        t != null;
        t = t.contains("-") ? t.substring(0, t.lastIndexOf('-')) : null) {
      candidates.add(t);
    }
    if (!candidates.contains(FALLBACK)) {
      candidates.add(FALLBACK);
    }
    return candidates;
  }

  /** The Java locale dates are written in. */
  public static Locale locale(String tag) {
    return Locale.forLanguageTag(tag);
  }
}
