package com.airline.booking.checkout.boundary;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a booking is made in: the primary subtag of the first tag in Accept-Language ({@code
 * de} for {@code de-DE,de;q=0.9}), in lower case. A missing, wildcard or malformed header is
 * English rather than an error: the language only chooses how mails read.
 */
public final class PreferredLanguage {

  public static final String DEFAULT = "en";

  private static final Pattern PRIMARY = Pattern.compile("[A-Za-z]{2,8}");

  private PreferredLanguage() {}

  public static String of(String acceptLanguage) {
    if (acceptLanguage == null) {
      return DEFAULT;
    }
    String first = acceptLanguage.split(",", 2)[0].split(";", 2)[0].trim();
    String primary = first.split("[-_]", 2)[0];
    return PRIMARY.matcher(primary).matches() ? primary.toLowerCase(Locale.ROOT) : DEFAULT;
  }
}
