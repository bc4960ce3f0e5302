package com.airline.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for the tests: JSON in, status, headers and JSON out. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final List<String> headers = new ArrayList<>();

  private Http(URI base) {
    this.base = base;
  }

  public static Http to(URI base) {
    return new Http(base);
  }

  /** A copy that sends this bearer token. */
  public Http as(String token) {
    return with("Authorization", "Bearer " + token);
  }

  /** A header this client sends, if any. */
  public String header(String name) {
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equals(name)) {
        return headers.get(i + 1);
      }
    }
    return null;
  }

  /** The bearer token this client sends, if any. */
  public String token() {
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equals("Authorization")) {
        return headers.get(i + 1).substring("Bearer ".length());
      }
    }
    return null;
  }

  public Http with(String name, String value) {
    Http copy = new Http(base);
    copy.headers.addAll(headers);
    copy.headers.add(name);
    copy.headers.add(value);
    return copy;
  }

  public Reply get(String path) {
    return send("GET", path, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null);
  }

  public Reply post(String path, Object json) {
    return send("POST", path, json);
  }

  public Reply put(String path, Object json) {
    return send("PUT", path, json);
  }

  public Reply patch(String path, Object json) {
    return send("PATCH", path, json);
  }

  /**
   * Sends a body as given: a JsonStructure, or a String sent verbatim (malformed JSON included).
   */
  public Reply send(String method, String path, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonArray array() {
      return (JsonArray) structure();
    }

    private JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static JsonObject json(Object... namesAndValues) {
    var builder = Json.createObjectBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      String name = (String) namesAndValues[i];
      if (value instanceof String s) {
        builder.add(name, s);
      } else if (value instanceof Integer n) {
        builder.add(name, n);
      } else if (value instanceof Long n) {
        builder.add(name, n);
      } else if (value instanceof List<?> list) {
        var array = Json.createArrayBuilder();
        list.forEach(v -> array.add(v.toString()));
        builder.add(name, array);
      } else if (value instanceof jakarta.json.JsonValue json) {
        builder.add(name, json);
      } else if (value == null) {
        builder.addNull(name);
      } else {
        builder.add(name, value.toString());
      }
    }
    return builder.build();
  }
}
