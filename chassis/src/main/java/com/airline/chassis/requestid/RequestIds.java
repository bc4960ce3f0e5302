package com.airline.chassis.requestid;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
  static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** Requests this application is serving now (for a drain). */
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  private final Map<Handler, Filter> replaced = new HashMap<>();

  @Override
  public void init() {
    for (Handler handler : Logger.getLogger("").getHandlers()) {
      Filter previous = handler.getFilter();
      replaced.put(handler, previous);
      handler.setFilter(Tagging.forThisInstance(previous));
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
    boolean arriving = request.getAttribute(HEADER) == null;
    if (arriving) {
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
    if (arriving) {
      IN_FLIGHT.incrementAndGet();
    }
    try {
      chain.doFilter(request, response);
    } finally {
      if (arriving) {
        IN_FLIGHT.decrementAndGet();
      }
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * Puts the current request's id on each record: before its message in the text log (Payara's own
   * keyed messages aside); with AIRLINE_LOG_FORMAT=json, as a field beside the instance's name and
   * service, for every record (Payara's JSON formatter writes a Map parameter's entries as fields).
   */
  static final class Tagging implements Filter {
    private final Filter next;
    private final Map<String, String> instanceFields;

    /** instanceFields: null for the text log. */
    Tagging(Filter next, Map<String, String> instanceFields) {
      this.next = next;
      this.instanceFields = instanceFields;
    }

    static Tagging forThisInstance(Filter next) {
      if (!"json".equals(System.getenv("AIRLINE_LOG_FORMAT"))) {
        return new Tagging(next, null);
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("instance", String.valueOf(System.getenv("AIRLINE_INSTANCE")));
      fields.put("service", String.valueOf(System.getenv("AIRLINE_SERVICE")));
      return new Tagging(next, Map.copyOf(fields));
    }

    @Override
    public boolean isLoggable(LogRecord record) {
      String id = CURRENT.get();
      if (instanceFields != null) {
        addFields(record, id);
      } else if (id != null && record.getResourceBundle() == null) {
        String tag = "[requestId=" + id + "] ";
        String message = record.getMessage();
        if (message == null || !message.startsWith(tag)) {
          record.setMessage(message == null ? tag : tag + message);
        }
      }
      return next == null || next.isLoggable(record);
    }

    private void addFields(LogRecord record, String requestId) {
      Object[] parameters = record.getParameters();
      if (parameters != null
          && parameters.length > 0
          && parameters[parameters.length - 1] instanceof Fields) {
        return; // another handler's filter did it
      }
      Fields fields = new Fields(instanceFields);
      if (requestId != null) {
        fields.put("requestId", requestId);
      }
      Object[] more =
          parameters == null ? new Object[1] : Arrays.copyOf(parameters, parameters.length + 1);
      more[more.length - 1] = fields;
      record.setParameters(more);
    }
  }

  /** The fields a record carries for the JSON log. */
  static final class Fields extends LinkedHashMap<String, String> {
    Fields(Map<String, String> instanceFields) {
      super(instanceFields);
    }
  }

  /**
   * Waits until no request is being served but the caller's {@code own} (at most {@code atMost})
   * and answers how many others still are. Requests served asynchronously count until their filter
   * chain returns, not until they are answered.
   */
  public static int awaitOthers(int own, Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (IN_FLIGHT.get() > own && System.nanoTime() - deadline < 0) {
      Thread.sleep(20);
    }
    return Math.max(0, IN_FLIGHT.get() - own);
  }

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(HEADER);
    return id == null ? null : id.toString();
  }
}
