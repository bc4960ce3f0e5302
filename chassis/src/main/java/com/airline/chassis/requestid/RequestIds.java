package com.airline.chassis.requestid;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Takes the caller's X-Request-ID when well-formed, else makes one, and answers with it. A servlet
 * filter rather than a JAX-RS one, so that error pages (the token check's 401) carry it too.
 *
 * <p>Every line logged on the request's thread while it is served starts with {@code
 * [requestId=...]}: a filter on the log handlers adds it (Payara's log formatter has no per-request
 * field), so that no log call has to pass the id itself.
 */
@WebFilter(
    filterName = "request-ids",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestIds extends HttpFilter {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private final Map<Handler, Filter> replaced = new HashMap<>();

  @Override
  public void init() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      Filter previous = handler.getFilter();
      replaced.put(handler, previous);
      handler.setFilter(new Tagging(previous));
    }
  }

  @Override
  public void destroy() {
    replaced.forEach(Handler::setFilter);
    replaced.clear();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(HEADER) == null) {
      String given = request.getHeader(HEADER);
      String id =
          given != null && WELL_FORMED.matcher(given).matches()
              ? given
              : UUID.randomUUID().toString();
      request.setAttribute(HEADER, id);
      response.setHeader(HEADER, id);
    }
    String outer = CURRENT.get();
    CURRENT.set(of(request));
    try {
      chain.doFilter(request, response);
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** Prefixes the current request's id to a record's message; Payara's own keyed messages aside. */
  private static final class Tagging implements Filter {
    private final Filter next;

    Tagging(Filter next) {
      this.next = next;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      String id = CURRENT.get();
      if (id != null && record.getResourceBundle() == null) {
        String tag = "[requestId=" + id + "] ";
        String message = record.getMessage();
        if (message == null || !message.startsWith(tag)) {
          record.setMessage(message == null ? tag : tag + message);
        }
      }
      return next == null || next.isLoggable(record);
    }
  }

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(HEADER);
    return id == null ? null : id.toString();
  }
}
