package com.airline.gateway.edge;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Who is calling, by address: the peer, or, when the peer is one of gateway.trusted-proxies (a load
 * balancer in front of us), the last address in X-Forwarded-For that is not a trusted proxy. A
 * client cannot choose its own rate-limit key by sending X-Forwarded-For itself.
 */
@ApplicationScoped
public class Clients {

  private static final String ADDRESS = Clients.class.getName() + ".address";

  @Inject Config config;

  private Set<String> trustedProxies;

  @PostConstruct
  void load() {
    trustedProxies =
        config.getOptionalValues("gateway.trusted-proxies", String.class).orElse(List.of()).stream()
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
  }

  public String addressOf(HttpServletRequest request) {
    Object known = request.getAttribute(ADDRESS);
    if (known == null) {
      known =
          address(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
      request.setAttribute(ADDRESS, known);
    }
    return (String) known;
  }

  static String address(String peer, String forwardedFor, Set<String> trusted) {
    if (forwardedFor == null || !trusted.contains(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trusted.contains(hop)) {
        return hop;
      }
    }
    return peer;
  }
}
