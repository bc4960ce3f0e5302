package com.airline.gateway.routing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The routing table from configuration: gateway.routes lists {@code /api/v1/users=auth} pairs and
 * each service's base URL is {@code <service>.url} (AUTH_URL...). Adding a service is one line.
 */
@ApplicationScoped
public class Routes {

  @Inject
  @ConfigProperty(name = "gateway.routes")
  List<String> entries;

  @Inject Config config;

  private List<Route> table;

  @PostConstruct
  void load() {
    table =
        entries.stream()
            .map(String::trim)
            .filter(e -> !e.isEmpty())
            .map(this::parse)
            .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed())
            .toList();
  }

  private Route parse(String entry) {
    int eq = entry.indexOf('=');
    if (eq <= 0 || !entry.startsWith("/")) {
      throw new IllegalArgumentException(
          "gateway.routes entry '" + entry + "' is not /prefix=service");
    }
    String service = entry.substring(eq + 1).trim();
    String url = config.getValue(service + ".url", String.class);
    return new Route(
        entry.substring(0, eq).replaceAll("/+$", ""),
        service,
        URI.create(url.replaceAll("/+$", "")));
  }

  /** The longest prefix that matches. */
  public Optional<Route> match(String path) {
    return table.stream().filter(r -> r.matches(path)).findFirst();
  }

  public List<Route> all() {
    return table;
  }
}
