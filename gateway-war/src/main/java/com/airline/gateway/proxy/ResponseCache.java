package com.airline.gateway.proxy;

import com.airline.chassis.token.AccessFilter;
import com.airline.chassis.token.TokenVerifier;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A shared cache (RFC 9111) of GET answers a service marked {@code public} with a max-age: kept in
 * memory that long, so that catalogue reads are answered without a hop to the service. Every
 * request still passes the door and the rate limits first, and only callers the service would give
 * the same answer get a kept one. A successful write through this gateway empties that service's
 * answers before its own answer goes out; writes made anywhere else arrive as a message on the
 * data-grid topic the service publishes its changes on (gateway.cache.topics). Bounded by
 * gateway.cache.entries per service and gateway.cache.max-body-bytes per answer.
 */
@ApplicationScoped
public class ResponseCache {

  private static final Logger LOG = Logger.getLogger(ResponseCache.class.getName());
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final long MAX_SECONDS = 2_147_483_648L;
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*(s-maxage|max-age)=(\\d+)");

  /** A stored answer, and the service's generation it was asked for in. */
  private record Stored(
      MultivaluedMap<String, Object> headers,
      byte[] body,
      long storedAt,
      long expiresAt,
      long generation) {}

  /** One service's answers; any write bumps the generation, so no answer read before it stays. */
  private static final class Answers {
    final Map<String, Stored> byKey = new ConcurrentHashMap<>();
    final AtomicLong generation = new AtomicLong();

    void forget() {
      generation.incrementAndGet();
      byKey.clear();
    }
  }

  @Inject
  @ConfigProperty(name = "gateway.cache.entries")
  int maxEntries;

  @Inject
  @ConfigProperty(name = "gateway.cache.max-body-bytes")
  int maxBodyBytes;

  /** {@code service=topic} pairs: the topic a service publishes its changes on. */
  @Inject
  @ConfigProperty(name = "gateway.cache.topics")
  List<String> topics;

  @Inject jakarta.enterprise.inject.Instance<HazelcastInstance> grid;
  @Inject TokenVerifier tokens;

  private final Map<String, Answers> services = new ConcurrentHashMap<>();

  @PostConstruct
  void listen() {
    for (String pair : topics) {
      String[] parts = pair.trim().split("=", 2);
      String service = parts[0].trim();
      try {
        grid.get().<Object>getTopic(parts[1].trim()).addMessageListener(m -> forget(service));
      } catch (RuntimeException e) {
        LOG.warning(
            () ->
                "No data grid: "
                    + service
                    + "'s answers are kept for their max-age even when changed elsewhere ("
                    + e
                    + ")");
      }
    }
  }

  /** The service's generation now: pass it to {@link #store} with the answer asked for now. */
  public long generation(String service) {
    return answers(service).generation.get();
  }

  /** The kept answer to this request, or null. */
  public Response answer(HttpServletRequest request, String service) {
    if (!"GET".equals(request.getMethod()) || refusesStored(request)) {
      return null;
    }
    Answers answers = answers(service);
    if (answers.byKey.isEmpty() || !anyonesAnswer(request)) {
      return null; // nothing kept for this service (no key to build), or not for this caller
    }
    Stored stored = answers.byKey.get(key(request));
    long now = System.nanoTime();
    if (stored == null
        || now - stored.expiresAt() >= 0
        || stored.generation() != answers.generation.get()) {
      return null;
    }
    Response.ResponseBuilder response = Response.ok();
    stored.headers().forEach((name, values) -> values.forEach(v -> response.header(name, v)));
    return response
        .header("Age", (now - stored.storedAt()) / 1_000_000_000L)
        .entity(stored.body())
        .build();
  }

  /**
   * Keeps a GET's answer if its service allows a shared cache to; any other method's successful
   * answer empties the service's answers.
   */
  public void store(HttpServletRequest request, String service, long generation, Response answer) {
    int status = answer.getStatus();
    String method = request.getMethod();
    if (!"GET".equals(method)) {
      if (status < 400 && CHANGING.contains(method)) { // RFC 9111 4.4
        forget(service);
      }
      return;
    }
    long seconds = freshFor(answer.getHeaders().getFirst("Cache-Control"));
    if (status != 200
        || seconds <= 0
        || !(answer.getEntity() instanceof byte[] body)
        || body.length > maxBodyBytes
        || answer.getHeaders().containsKey("Vary")
        || answer.getHeaders().containsKey("Set-Cookie")
        || String.valueOf(request.getHeader("Cache-Control")).contains("no-store")) {
      return;
    }
    Answers answers = answers(service);
    if (answers.byKey.size() >= maxEntries) {
      answers.byKey.clear(); // crude, but bounded; answers live seconds anyway
    }
    long now = System.nanoTime();
    answers.byKey.put(
        key(request),
        new Stored(
            new MultivaluedHashMap<>(answer.getHeaders()),
            body,
            now,
            now + Math.min(seconds, 86_400L) * 1_000_000_000L, // a day at most
            generation));
  }

  /** Empties the service's answers. */
  void forget(String service) {
    answers(service).forget();
  }

  private Answers answers(String service) {
    return services.computeIfAbsent(service, s -> new Answers());
  }

  /**
   * How long a shared cache may keep the answer (s-maxage, else max-age): 0 unless it is {@code
   * public} and says neither private, no-store nor no-cache.
   */
  static long freshFor(Object cacheControl) {
    if (cacheControl == null) {
      return 0;
    }
    String value = cacheControl.toString().toLowerCase(Locale.ROOT);
    if (!value.contains("public")
        || value.contains("private")
        || value.contains("no-store")
        || value.contains("no-cache")) {
      return 0;
    }
    long seconds = 0;
    Matcher m = MAX_AGE.matcher(value);
    while (m.find()) {
      // past what fits: 2^31 (RFC 9111 1.2.2)
      String digits = m.group(2);
      long found =
          digits.length() > 10 ? MAX_SECONDS : Math.min(Long.parseLong(digits), MAX_SECONDS);
      if (m.group(1).equals("s-maxage")) {
        return found;
      }
      seconds = found;
    }
    return seconds;
  }

  /**
   * Whether the service would give this caller what it gives everyone: without a token, or with a
   * user's valid one. The services answer any other token themselves (401 for an invalid one, 403
   * for a service token), so such a request goes to them.
   */
  private boolean anyonesAnswer(HttpServletRequest request) {
    if (request.getHeader("Authorization") == null) {
      return true;
    }
    try {
      TokenVerifier.Caller caller = tokens.callerOf(request);
      return caller != null && !caller.groups().contains(AccessFilter.SERVICE);
    } catch (TokenVerifier.InvalidTokenException e) {
      return false;
    }
  }

  /** A client asking for a fresh answer (no-cache, no-store) gets one from the service. */
  private static boolean refusesStored(HttpServletRequest request) {
    String cacheControl = request.getHeader("Cache-Control");
    String pragma = request.getHeader("Pragma");
    return (cacheControl != null
            && (cacheControl.contains("no-cache") || cacheControl.contains("no-store")))
        || (pragma != null && pragma.contains("no-cache"));
  }

  /** The path and query as sent, and what the client accepts (an answer may differ by it). */
  private static String key(HttpServletRequest request) {
    String query = request.getQueryString();
    String accept = request.getHeader("Accept");
    return request.getRequestURI()
        + (query == null ? "" : "?" + query)
        + "\n"
        + (accept == null ? "" : accept);
  }
}
