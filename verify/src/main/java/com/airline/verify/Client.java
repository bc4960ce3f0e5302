package com.airline.verify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * Calls to the gateway as one client: HTTP/1.1, and from a client address of its own when the
 * gateway is on this machine (127.x.y.z: loopback is a whole /8 on Linux), since the gateway limits
 * each client address, as 50 users on 50 machines would be. {@link #as} gives the same client with
 * a bearer token.
 */
final class Client implements AutoCloseable {

  /** Where this run's addresses start: a run right after another uses other ones. */
  private static final AtomicInteger ADDRESSES =
      new AtomicInteger(new java.security.SecureRandom().nextInt(60_000));

  private final URI base;
  private final CloseableHttpClient http;
  private final String token;

  private Client(URI base, CloseableHttpClient http, String token) {
    this.base = base;
    this.http = http;
    this.token = token;
  }

  /** A client of its own address (on loopback) to the base URL. */
  static Client to(URI base) {
    InetAddress local = ownAddress(base);
    var connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(16)
            .setMaxConnPerRoute(16)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.ofSeconds(5))
                    .setSocketTimeout(Timeout.ofSeconds(60))
                    .build())
            .build();
    CloseableHttpClient http =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setRoutePlanner(
                new DefaultRoutePlanner(null) {
                  @Override
                  protected InetAddress determineLocalAddress(HttpHost host, HttpContext context) {
                    return local;
                  }
                })
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .build();
    return new Client(base, http, null);
  }

  private static InetAddress ownAddress(URI base) {
    try {
      if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
        return null;
      }
      int n = ADDRESSES.incrementAndGet();
      return InetAddress.getByAddress(new byte[] {127, 1, (byte) (n / 250), (byte) (n % 250 + 1)});
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host in " + base, e);
    }
  }

  /** This client sending the token as a bearer token (null: none). */
  Client as(String bearer) {
    return new Client(base, http, bearer);
  }

  String token() {
    return token;
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply post(String path, JsonStructure body) {
    return send("POST", path, body == null ? null : body.toString(), Map.of());
  }

  Reply put(String path, JsonStructure body) {
    return send("PUT", path, body == null ? null : body.toString(), Map.of());
  }

  /** Sends the request (the path may carry a query), the body as JSON if any. */
  Reply send(String method, String path, String body, Map<String, String> headers) {
    var request = new HttpUriRequestBase(method, base.resolve(path));
    if (token != null) {
      request.setHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(request::setHeader);
    if (body != null) {
      request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    }
    long started = System.nanoTime();
    try {
      return http.execute(
          request,
          response -> {
            Map<String, String> found = new TreeMap<>();
            for (Header header : response.getHeaders()) {
              found.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
            }
            String text =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            return new Reply(
                response.getCode(), found, text, (System.nanoTime() - started) / 1_000_000);
          });
    } catch (IOException e) {
      return new Reply(0, Map.of(), "no answer: " + e, (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /** An answer: status (0: none came), headers by lower-case name, body, and how long it took. */
  record Reply(int status, Map<String, String> headers, String body, long millis) {

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }

    List<JsonValue> items() {
      return json().getJsonArray("items");
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** An RFC 9457 problem with this reply's status, or why not. */
    String problemFault() {
      String type = header("content-type");
      if (type == null || !type.startsWith("application/problem+json")) {
        return "Content-Type " + type;
      }
      try {
        JsonObject problem = json();
        if (problem.getInt("status", -1) != status) {
          return "status " + problem.get("status") + " in the body";
        }
        if (body.contains("Exception") || body.contains("\tat ")) {
          return "a stack trace in the body";
        }
        return null;
      } catch (RuntimeException e) {
        return "not JSON: " + abbreviated(body);
      }
    }

    @Override
    public String toString() {
      return status + " " + abbreviated(body);
    }
  }

  static String abbreviated(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
