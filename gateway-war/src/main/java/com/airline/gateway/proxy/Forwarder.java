package com.airline.gateway.proxy;

import com.airline.gateway.RequestIds;
import com.airline.gateway.routing.Route;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends a request on to its service with the JDK's pooled, asynchronous HTTP client. */
@ApplicationScoped
public class Forwarder {

  /** Hop-by-hop headers (RFC 9110 7.6.1) and those the client sets itself. */
  static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "x-request-id",
          "x-forwarded-for",
          "x-forwarded-proto",
          "x-forwarded-host",
          "forwarded");

  @Inject
  @ConfigProperty(name = "gateway.proxy.connect-timeout")
  Duration connectTimeout;

  @Inject
  @ConfigProperty(name = "gateway.proxy.read-timeout")
  Duration readTimeout;

  private ExecutorService executor;
  private HttpClient client;

  @PostConstruct
  void init() {
    // A fixed pool: the client's default one creates and drops a thread for nearly every response.
    executor =
        Executors.newFixedThreadPool(
            Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
            task -> {
              Thread thread = new Thread(task, "gateway-forwarder");
              thread.setDaemon(true);
              return thread;
            });
    client =
        HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  public CompletableFuture<Response> forward(
      Route route, HttpServletRequest incoming, byte[] body) {
    String query = incoming.getQueryString();
    URI target =
        URI.create(route.baseUrl() + incoming.getRequestURI() + (query == null ? "" : "?" + query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(readTimeout)
            .method(
                incoming.getMethod(),
                body == null || body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : java.util.Collections.list(incoming.getHeaderNames())) {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        java.util.Collections.list(incoming.getHeaders(name))
            .forEach(value -> request.header(name, value));
      }
    }
    String forwardedFor = incoming.getHeader("X-Forwarded-For");
    request
        .header(RequestIds.HEADER, RequestIds.of(incoming))
        .header(
            "X-Forwarded-For",
            (forwardedFor == null ? "" : forwardedFor + ", ") + incoming.getRemoteAddr())
        .header("X-Forwarded-Proto", incoming.getScheme())
        .header("X-Forwarded-Host", String.valueOf(incoming.getHeader("Host")));
    String origin = incoming.getScheme() + "://" + incoming.getHeader("Host");
    return client
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(upstream -> toResponse(upstream, route.baseUrl().toString(), origin));
  }

  private static Response toResponse(
      HttpResponse<byte[]> upstream, String serviceUrl, String origin) {
    Response.ResponseBuilder response = Response.status(upstream.statusCode());
    upstream
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!NOT_FORWARDED.contains(lower)
                  && !lower.equals("server")
                  && !lower.startsWith(":")) {
                values.forEach(value -> response.header(name, value));
              }
            });
    // Links to the service itself (Location of a created resource) point at the gateway instead.
    upstream
        .headers()
        .firstValue("Location")
        .filter(location -> location.startsWith(serviceUrl))
        .ifPresent(
            location ->
                response
                    .header("Location", null)
                    .header("Location", origin + location.substring(serviceUrl.length())));
    byte[] body = upstream.body();
    return response.entity(body.length == 0 ? null : body).build();
  }
}
