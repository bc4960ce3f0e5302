package com.airline.gateway.routing;

import java.net.URI;

/** Requests whose path is {@code prefix} or below it go to {@code service} at {@code baseUrl}. */
public record Route(String prefix, String service, URI baseUrl) {

  boolean matches(String path) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
