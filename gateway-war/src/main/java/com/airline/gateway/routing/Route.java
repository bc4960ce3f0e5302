package com.airline.gateway.routing;

/** Requests whose path is {@code prefix} or below it go to {@code upstream}'s service. */
public record Route(String prefix, Upstream upstream) {

  public String service() {
    return upstream.service();
  }

  boolean matches(String path) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
