package com.airline.chassis.grid;

import java.net.URI;

/**
 * One instance as it stands in the grid: its service, base URL and name, as one string ({@code
 * flights http://127.0.0.1:8182 flights-2}), keyed by its member's UUID. Readers ignore fields
 * after these, so that later versions may add some.
 */
record Registration(String service, URI url, String instance) {

  String encode() {
    return service + " " + url + " " + instance;
  }

  /** The registration a grid entry holds; null for one that is not one. */
  static Registration parse(String value) {
    if (value == null) {
      return null;
    }
    String[] fields = value.trim().split("\\s+");
    if (fields.length < 2 || fields[0].isEmpty()) {
      return null;
    }
    try {
      URI url = URI.create(fields[1]);
      if (url.getHost() == null || !url.isAbsolute()) {
        return null;
      }
      return new Registration(fields[0], url, fields.length > 2 ? fields[2] : "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A base URL without a trailing slash, so that the same instance is always the same URI. */
  static URI baseUrl(String url) {
    return URI.create(url.trim().replaceAll("/+$", ""));
  }
}
