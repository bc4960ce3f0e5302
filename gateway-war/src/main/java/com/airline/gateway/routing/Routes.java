package com.airline.gateway.routing;

import com.airline.chassis.grid.Directory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing table from configuration: gateway.routes lists {@code /api/v1/users=auth} pairs; a
 * service's instances are those the data grid knows, as they come and go, plus
 * gateway.upstreams.&lt;service&gt; (comma-separated base URLs outside the grid, env
 * GATEWAY_UPSTREAMS_FLIGHTS); with neither, its one {@code <service>.url} (FLIGHTS_URL...); its
 * timeouts gateway.proxy.&lt;service&gt;.connect-timeout and .read-timeout, else gateway.proxy's.
 * Adding a service is one line.
 */
@ApplicationScoped
public class Routes {

  @Inject
  @ConfigProperty(name = "gateway.routes")
  List<String> entries;

  @Inject Config config;
  @Inject Directory directory;

  @Inject
  @ConfigProperty(name = "gateway.proxy.connect-timeout")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.proxy.read-timeout")
  Duration readTimeout;

  @Inject
  @ConfigProperty(name = "gateway.circuit.failures")
  int failuresToSkip;

  @Inject
  @ConfigProperty(name = "gateway.circuit.open-for")
  Duration skipFor;

  private final Map<String, Upstream> upstreams = new HashMap<>();
  private List<Route> table;
  private List<Pattern> internal;

  private static final Logger LOG = Logger.getLogger(Routes.class.getName());
  private static final String CANONICAL = Routes.class.getName() + ".canonical";

  @PostConstruct
  void load() {
    table =
        entries.stream()
            .map(String::trim)
            .filter(e -> !e.isEmpty())
            .map(this::parse)
            .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
            .toList();
    if (table.isEmpty()) {
      // Seen when the health check asks before the application's own configuration is in place:
      // failing here lets the next call build the table again instead of keeping an empty one.
      throw new IllegalStateException("gateway.routes is empty");
    }
    LOG.info(() -> "Routes: " + table);
    // Service-to-service paths (seat reservations): never forwarded, whatever their prefix.
    internal =
        config.getOptionalValues("gateway.internal-paths", String.class).orElse(List.of()).stream()
            .map(p -> Pattern.compile(p.trim(), Pattern.CASE_INSENSITIVE))
            .toList();
    directory.onChange(this::discovered);
    discovered();
  }

  private Route parse(String entry) {
    int eq = entry.indexOf('=');
    if (eq <= 0 || !entry.startsWith("/")) {
      throw new IllegalArgumentException(
          "gateway.routes entry '" + entry + "' is not /prefix=service");
    }
    String service = entry.substring(eq + 1).trim();
    return new Route(
        entry.substring(0, eq).replaceAll("/+$", ""),
        upstreams.computeIfAbsent(service, this::upstream));
  }

  /**
   * The service's instances are those of the grid; those listed in
   * gateway.upstreams.&lt;service&gt; besides; without either its {@code <service>.url}.
   */
  private Upstream upstream(String service) {
    Optional<List<String>> listed =
        config.getOptionalValues("gateway.upstreams." + service, String.class);
    List<String> otherwise =
        listed.isPresent() ? List.of() : List.of(config.getValue(service + ".url", String.class));
    return new Upstream(
        service,
        listed.orElse(List.of()).stream().map(Routes::baseUrl).toList(),
        otherwise.stream().map(Routes::baseUrl).toList(),
        config
            .getOptionalValue("gateway.proxy." + service + ".connect-timeout", Duration.class)
            .orElse(connectTimeout),
        config
            .getOptionalValue("gateway.proxy." + service + ".read-timeout", Duration.class)
            .orElse(readTimeout),
        failuresToSkip,
        skipFor);
  }

  private static URI baseUrl(String url) {
    return URI.create(url.trim().replaceAll("/+$", ""));
  }

  /** Each service's instances as the grid knows them now. */
  private void discovered() {
    upstreams.values().forEach(u -> u.discovered(directory.urlsOf(u.service())));
  }

  /** The longest prefix that matches the request's path; none for internal paths. */
  public Optional<Route> match(HttpServletRequest request) {
    return match(request.getRequestURI(), canonicalOf(request));
  }

  /** The longest prefix that matches; none for internal paths, in any spelling of them. */
  public Optional<Route> match(String path) {
    return match(path, canonical(path));
  }

  private Optional<Route> match(String path, String canonical) {
    if (internal.stream().anyMatch(p -> p.matcher(canonical).matches())) {
      return Optional.empty();
    }
    return table.stream().filter(r -> r.matches(path)).findFirst();
  }

  /** The request's canonical path, worked out once per request (three checks ask). */
  public static String canonicalOf(HttpServletRequest request) {
    Object known = request.getAttribute(CANONICAL);
    if (known == null) {
      known = canonical(request.getRequestURI());
      request.setAttribute(CANONICAL, known);
    }
    return (String) known;
  }

  /**
   * The path as a service resolves it: decoded, without matrix parameters, empty or dot segments,
   * so that no other spelling of an internal path slips through.
   */
  public static String canonical(String rawPath) {
    String decoded;
    try {
      decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = rawPath;
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : decoded.split("/")) {
      segment = segment.split(";", 2)[0];
      if (segment.equals("..")) {
        segments.pollLast();
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        segments.add(segment);
      }
    }
    return "/" + String.join("/", segments);
  }

  public List<Route> all() {
    return table;
  }

  /** Each routed service once. */
  public java.util.Collection<Upstream> upstreams() {
    return upstreams.values();
  }
}
