package com.airline.gateway.edge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Which requests need no token (gateway.public-paths) and which need ADMIN (gateway.admin-paths):
 * regular expressions over "METHOD /canonical/path".
 */
@ApplicationScoped
public class EdgeRules {

  @Inject Config config;

  private List<Pattern> publicPaths;
  private List<Pattern> adminPaths;

  @PostConstruct
  void load() {
    publicPaths = patterns("gateway.public-paths");
    adminPaths = patterns("gateway.admin-paths");
    if (publicPaths.isEmpty()) {
      // as with the routes: a health check may build this before the WAR's configuration is there
      throw new IllegalStateException("gateway.public-paths is empty");
    }
  }

  public boolean isPublic(String method, String canonicalPath) {
    return matches(publicPaths, method + " " + canonicalPath);
  }

  public boolean needsAdmin(String method, String canonicalPath) {
    return matches(adminPaths, method + " " + canonicalPath);
  }

  private List<Pattern> patterns(String key) {
    return config.getOptionalValues(key, String.class).orElse(List.of()).stream()
        .map(p -> Pattern.compile(p.trim()))
        .toList();
  }

  private static boolean matches(List<Pattern> patterns, String request) {
    return patterns.stream().anyMatch(p -> p.matcher(request).matches());
  }
}
