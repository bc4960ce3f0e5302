package com.airline.gateway.limits;

import com.airline.chassis.problem.Problem;
import com.airline.chassis.requestid.RequestIds;
import com.airline.chassis.token.TokenVerifier;
import com.airline.gateway.access.TrafficMetrics;
import com.airline.gateway.edge.Clients;
import com.airline.gateway.routing.Routes;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts every API request against its client's bucket: the user ({@code sub}) with a valid token,
 * else the client address; sign-in and sign-up against a stricter bucket per address. Every answer
 * says the limit, what is left and when the window ends; past the limit a 429 problem with
 * Retry-After. Mapped in web.xml, after CORS so that a browser can read a 429.
 */
public class RateLimiting extends HttpFilter {

  @Inject RateLimiter limiter;
  @Inject Clients clients;
  @Inject TokenVerifier tokens;
  @Inject Config config;
  @Inject TrafficMetrics metrics;

  @Inject
  @ConfigProperty(name = "gateway.rate-limit")
  long perClient;

  @Inject
  @ConfigProperty(name = "gateway.rate-limit.sign-in")
  long signIn;

  @Inject
  @ConfigProperty(name = "gateway.rate-limit.window")
  Duration window;

  private RateLimiter.Limit standard;
  private RateLimiter.Limit signInLimit;
  private List<Pattern> signInPaths;

  @PostConstruct
  void load() {
    standard = new RateLimiter.Limit(perClient, window);
    signInLimit = new RateLimiter.Limit(signIn, window);
    signInPaths =
        config
            .getOptionalValues("gateway.rate-limit.sign-in-paths", String.class)
            .orElse(List.of())
            .stream()
            .map(p -> Pattern.compile(p.trim()))
            .toList();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String client = clients.addressOf(request);
    String line = request.getMethod() + " " + Routes.canonicalOf(request);
    RateLimiter.Limit limit;
    String key;
    if (signInPaths.stream().anyMatch(p -> p.matcher(line).matches())) {
      limit = signInLimit;
      key = "sign-in:" + client;
    } else {
      limit = standard;
      String user = tokens.subjectOf(request);
      key = user != null ? "user:" + user : "address:" + client;
    }
    RateLimiter.Decision decision = limiter.take(key, limit);
    response.setHeader("RateLimit-Limit", Long.toString(limit.capacity()));
    response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    metrics.rateLimited(limit == signInLimit ? "sign-in" : "client");
    response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
    Problem.of(
            429,
            "Too many requests: at most "
                + limit.capacity()
                + " in "
                + window.toSeconds()
                + " s; try again in "
                + decision.retryAfterSeconds()
                + " s.",
            request.getRequestURI(),
            RequestIds.of(request))
        .writeTo(response);
  }
}
