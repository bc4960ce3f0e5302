package com.airline.gateway.edge;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for the origins in gateway.cors.origins, answered here: a preflight never reaches a service,
 * and every answer to an allowed origin says so. Other origins get no CORS headers (browsers then
 * refuse the response).
 */
public class Cors extends HttpFilter {

  static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String HEADERS = "Authorization, Content-Type, Idempotency-Key, X-Request-ID";
  static final String EXPOSED =
      "X-Request-ID, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset";

  @Inject Config config;

  @Inject
  @ConfigProperty(name = "gateway.cors.max-age-seconds", defaultValue = "600")
  int maxAge;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String origin = request.getHeader("Origin");
    boolean allowed = origin != null && origins().contains(origin);
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader("Access-Control-Request-Method") != null;
    if (allowed) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.addHeader("Vary", "Origin");
    }
    if (preflight) {
      if (allowed) {
        response.setHeader("Access-Control-Allow-Methods", METHODS);
        response.setHeader("Access-Control-Allow-Headers", HEADERS);
        response.setHeader("Access-Control-Max-Age", Integer.toString(maxAge));
      }
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    if (allowed) {
      response.setHeader("Access-Control-Expose-Headers", EXPOSED);
    }
    chain.doFilter(request, response);
  }

  private List<String> origins() {
    return config.getOptionalValues("gateway.cors.origins", String.class).orElse(List.of());
  }
}
