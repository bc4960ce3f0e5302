package com.airline.gateway.proxy;

import com.airline.chassis.requestid.RequestIds;
import com.airline.gateway.routing.Routes;
import com.airline.gateway.routing.Upstream;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a request on to its service without holding a thread while it waits: Apache HttpClient 5's
 * asynchronous client, a pool of keep-alive connections and one I/O thread per core. (The JDK's
 * HttpClient cost about twice the CPU per forwarded request here.)
 */
@ApplicationScoped
public class Forwarder {

  /**
   * Hop-by-hop headers (RFC 9110 7.6.1), those the client sets itself, and those the gateway sets.
   */
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

  @Inject Routes routes;

  private CloseableHttpAsyncClient client;

  @PostConstruct
  void init() {
    client =
        HttpAsyncClients.custom()
            .setConnectionManager(
                PoolingAsyncClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(512)
                    .setMaxConnPerRoute(256)
                    .setConnectionConfigResolver(connectionConfigs())
                    .build())
            .setIOReactorConfig(
                IOReactorConfig.custom()
                    .setIoThreadCount(Runtime.getRuntime().availableProcessors())
                    .build())
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    client.start();
  }

  /**
   * Each service's own timeouts, by the address of each of its instances as they are when a
   * connection is leased (instances come and go with the data grid).
   */
  private org.apache.hc.core5.function.Resolver<HttpRoute, ConnectionConfig> connectionConfigs() {
    Map<Upstream, ConnectionConfig> byService = new LinkedHashMap<>();
    for (Upstream upstream : routes.upstreams()) {
      byService.put(
          upstream,
          ConnectionConfig.custom()
              .setConnectTimeout(Timeout.of(upstream.connectTimeout()))
              .setSocketTimeout(Timeout.of(upstream.readTimeout()))
              .build());
    }
    ConnectionConfig fallback =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            .build();
    return route -> {
      HttpHost host = route.getTargetHost();
      for (Map.Entry<Upstream, ConnectionConfig> service : byService.entrySet()) {
        if (service.getKey().serves(host.getHostName(), host.getPort())) {
          return service.getValue();
        }
      }
      return fallback;
    };
  }

  @PreDestroy
  void stop() {
    client.close(CloseMode.GRACEFUL);
  }

  /**
   * Sends the request to {@code target}, with {@code body} streamed (null: none). The answer
   * completes when the service's answer is in; cancelling it stops the exchange.
   */
  public CompletableFuture<Response> forward(
      Upstream upstream, URI target, HttpServletRequest incoming, StreamedBody body) {
    String query = incoming.getQueryString();
    boolean head = "HEAD".equals(incoming.getMethod());
    // built from host and raw path: parsing a URI per request cost more than the rest of it
    BasicHttpRequest request =
        new BasicHttpRequest(
            incoming.getMethod(),
            HttpHost.create(target),
            target.getRawPath() + incoming.getRequestURI() + (query == null ? "" : "?" + query));
    Set<String> hopByHop = connectionOptions(incoming.getHeaders("Connection"));
    for (String name : Collections.list(incoming.getHeaderNames())) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NOT_FORWARDED.contains(lower)
          && !hopByHop.contains(lower)
          && !(body != null && lower.equals("content-type"))) {
        Collections.list(incoming.getHeaders(name))
            .forEach(value -> request.addHeader(name, value));
      }
    }
    String forwardedFor = incoming.getHeader("X-Forwarded-For");
    request.addHeader(RequestIds.HEADER, RequestIds.of(incoming));
    request.addHeader(
        "X-Forwarded-For",
        (forwardedFor == null ? "" : forwardedFor + ", ") + incoming.getRemoteAddr());
    request.addHeader("X-Forwarded-Proto", incoming.getScheme());
    request.addHeader("X-Forwarded-Host", String.valueOf(incoming.getHeader("Host")));
    String serviceUrl = target.toString();
    String origin = incoming.getScheme() + "://" + incoming.getHeader("Host");
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(
        RequestConfig.custom().setResponseTimeout(Timeout.of(upstream.readTimeout())).build());

    CompletableFuture<Response> answer = new CompletableFuture<>();
    Future<SimpleHttpResponse> call =
        client.execute(
            new BasicRequestProducer(request, body),
            SimpleResponseConsumer.create(),
            context,
            new FutureCallback<>() {
              @Override
              public void completed(SimpleHttpResponse upstream) {
                answer.complete(toResponse(upstream, serviceUrl, origin, head));
              }

              @Override
              public void failed(Exception e) {
                answer.completeExceptionally(e);
              }

              @Override
              public void cancelled() {
                answer.completeExceptionally(new CancellationException());
              }
            });
    if (body != null) {
      body.sentBy(call);
    }
    return answer;
  }

  /** Headers a Connection header names are hop-by-hop too (RFC 9110 7.6.1). */
  static Set<String> connectionOptions(java.util.Enumeration<String> values) {
    Set<String> names = new HashSet<>();
    while (values != null && values.hasMoreElements()) {
      for (String option : values.nextElement().split(",")) {
        names.add(option.trim().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static Response toResponse(
      SimpleHttpResponse upstream, String serviceUrl, String origin, boolean head) {
    Response.ResponseBuilder response = Response.status(upstream.getCode());
    Set<String> hopByHop =
        connectionOptions(
            Collections.enumeration(
                java.util.Arrays.stream(upstream.getHeaders("Connection"))
                    .map(Header::getValue)
                    .toList()));
    for (Header header : upstream.getHeaders()) {
      String lower = header.getName().toLowerCase(Locale.ROOT);
      if (hopByHop.contains(lower)) {
        continue;
      }
      if (lower.equals("location") && header.getValue().startsWith(serviceUrl)) {
        // Links to the service itself (Location of a created resource) point at the gateway
        // instead.
        response.header(
            header.getName(), origin + header.getValue().substring(serviceUrl.length()));
      } else if (!NOT_FORWARDED.contains(lower) && !lower.equals("server")) {
        response.header(header.getName(), header.getValue());
      }
    }
    byte[] body = upstream.getBodyBytes();
    if (body == null || body.length == 0) {
      Header length = upstream.getFirstHeader("Content-Length");
      if (head && length != null) { // the length a GET would have, as the service said
        response.header("Content-Length", length.getValue());
      }
      return response.build();
    }
    return response.entity(body).header("Content-Length", body.length).build();
  }
}
