package com.airline.gateway.access;

import com.airline.chassis.requestid.RequestIds;
import com.airline.chassis.token.TokenVerifier;
import com.airline.gateway.edge.Clients;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes one access-log line per API request once its answer is complete (for a forwarded request
 * that is after the service answered, on another thread). Mapped in web.xml right after the request
 * id, so that it sees every answer, 429s and preflights included.
 */
public class AccessLog extends HttpFilter {

  /** The service URL a request was forwarded to (set by the proxy). */
  public static final String UPSTREAM = AccessLog.class.getName() + ".upstream";

  /** The prefix of the route a request took (set by the proxy). */
  public static final String ROUTE = AccessLog.class.getName() + ".route";

  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

  @Inject AccessLogFile file;
  @Inject Clients clients;
  @Inject TokenVerifier tokens;
  @Inject TrafficMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Instant start = Instant.now();
    long started = System.nanoTime();
    CountingResponse counted = new CountingResponse(response);
    try {
      chain.doFilter(request, counted);
    } finally {
      if (request.isAsyncStarted()) {
        request
            .getAsyncContext()
            .addListener(
                new AsyncListener() {
                  @Override
                  public void onComplete(AsyncEvent event) {
                    write(request, counted, start, started);
                  }

                  @Override
                  public void onTimeout(AsyncEvent event) {}

                  @Override
                  public void onError(AsyncEvent event) {}

                  @Override
                  public void onStartAsync(AsyncEvent event) {}
                });
      } else {
        write(request, counted, start, started);
      }
    }
  }

  private void write(
      HttpServletRequest request, CountingResponse response, Instant start, long started) {
    try {
      long nanos = System.nanoTime() - started;
      Object route = request.getAttribute(ROUTE);
      metrics.request(route == null ? "none" : route.toString(), response.getStatus(), nanos);
      double ms = nanos / 1_000_000.0;
      Object upstream = request.getAttribute(UPSTREAM);
      file.write(
          new StringBuilder(256)
              .append("{\"time\":\"")
              .append(start)
              .append("\",\"requestId\":")
              .append(json(RequestIds.of(request)))
              .append(",\"client\":")
              .append(json(clients.addressOf(request)))
              .append(",\"user\":")
              .append(json(tokens.subjectOf(request)))
              .append(",\"method\":")
              .append(json(request.getMethod()))
              .append(",\"path\":")
              .append(json(request.getRequestURI()))
              .append(",\"status\":")
              .append(response.getStatus())
              .append(",\"bytes\":")
              .append(response.bytes())
              .append(",\"ms\":")
              .append(Math.round(ms * 1000) / 1000.0)
              .append(",\"upstream\":")
              .append(json(upstream == null ? null : upstream.toString()))
              .append('}')
              .toString());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not log request " + RequestIds.of(request), e);
    }
  }

  static String json(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
