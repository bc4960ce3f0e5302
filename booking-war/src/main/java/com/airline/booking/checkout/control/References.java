package com.airline.booking.checkout.control;

import java.security.SecureRandom;

/**
 * Booking references: 6 characters of A-Z and 2-9 (no 0/O or 1/I to misread), about 1.5e9 of them.
 */
public final class References {

  static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private References() {}

  public static String next() {
    char[] reference = new char[6];
    for (int i = 0; i < reference.length; i++) {
      reference[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(reference);
  }
}
