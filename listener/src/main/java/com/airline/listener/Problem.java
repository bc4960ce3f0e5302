package com.airline.listener;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.util.HttpStatus;

/** An RFC 9457 problem body, shaped as every service's own problems are. */
final class Problem {

  static final String MEDIA_TYPE = "application/problem+json";

  private Problem() {}

  /** The body; instance is left out when null. */
  static byte[] json(HttpStatus status, String detail, String instance, String requestId) {
    StringBuilder json = new StringBuilder(256);
    json.append("{\"type\":\"about:blank\",\"title\":")
        .append(quote(status.getReasonPhrase()))
        .append(",\"status\":")
        .append(status.getStatusCode())
        .append(",\"detail\":")
        .append(quote(detail));
    if (instance != null) {
      json.append(",\"instance\":").append(quote(instance));
    }
    json.append(",\"requestId\":").append(quote(requestId)).append('}');
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
