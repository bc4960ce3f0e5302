package com.airline.flights;

/** LIKE patterns from user input: its own % and _ match themselves. */
public final class Like {

  private Like() {}

  public static String prefix(String text) {
    return (text == null ? "" : text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
        + "%";
  }
}
