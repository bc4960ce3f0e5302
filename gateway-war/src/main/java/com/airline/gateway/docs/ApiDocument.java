package com.airline.gateway.docs;

import com.airline.gateway.edge.EdgeRules;
import com.airline.gateway.routing.Route;
import com.airline.gateway.routing.Routes;
import com.airline.gateway.routing.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the public document from each service's {@code /openapi} (an instance the grid knows, as
 * for routing): only the operations the gateway routes to that service, none that it keeps internal
 * ({@code gateway.internal-paths}, or marked {@code x-internal} by the service); security as the
 * gateway's door decides it (public paths need no token, others the bearer scheme); components
 * merged (a name two services define differently gets the service's prefix); one tag per service; a
 * version that is a hash of the content, so that it changes when the API does.
 */
@ApplicationScoped
public class ApiDocument {

  /** A service's document could not be had: the whole one is not served half. */
  public static final class UnavailableException extends Exception {
    UnavailableException(String message) {
      super(message);
    }
  }

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final String SCHEMAS = "#/components/schemas/";

  @Inject Routes routes;
  @Inject EdgeRules rules;

  @Inject
  @ConfigProperty(name = "gateway.openapi.services")
  List<String> services;

  @Inject
  @ConfigProperty(name = "gateway.openapi.title")
  String title;

  @Inject
  @ConfigProperty(name = "gateway.openapi.description")
  String description;

  private final HttpClient http = HttpClient.newHttpClient();

  /** The whole document, as plain maps and lists (ready for JSON or YAML). */
  public Map<String, Object> build() throws UnavailableException {
    Map<String, Object> paths = new TreeMap<>();
    Map<String, Map<String, Object>> components = new TreeMap<>();
    List<Object> tags = new ArrayList<>();
    for (String service : services) {
      Map<String, Object> document = fetch(service.trim());
      String name = service.trim();
      Map<String, Object> info = map(document.get("info"));
      Map<String, Object> tag = new LinkedHashMap<>();
      tag.put("name", name);
      tag.put("description", String.valueOf(info.get("title")));
      tags.add(tag);
      document = renameConflicts(name, document, components);
      merge(name, map(document.get("paths")), paths);
      map(document.get("components"))
          .forEach(
              (kind, entries) ->
                  components.computeIfAbsent(kind, k -> new TreeMap<>()).putAll(map(entries)));
    }
    prune(paths, components);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("tags", tags);
    content.put("paths", sorted(paths));
    content.put("components", sorted(components));
    Map<String, Object> whole = new LinkedHashMap<>();
    whole.put("openapi", "3.0.3");
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", title);
    info.put("description", description);
    info.put("version", "1.0.0-" + hash(content));
    whole.put("info", info);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("url", "/");
    server.put("description", "The gateway that serves this document");
    whole.put("servers", List.of(server));
    whole.putAll(content);
    return whole;
  }

  private Map<String, Object> fetch(String service) throws UnavailableException {
    Upstream upstream =
        routes.upstreams().stream()
            .filter(u -> u.service().equals(service))
            .findFirst()
            .orElseThrow(() -> new UnavailableException("No route leads to " + service + "."));
    Upstream.Target target = upstream.pick(null);
    if (target == null) {
      throw new UnavailableException(service + " has no instance that answers.");
    }
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(URI.create(target.url() + "/openapi"))
                  .header("Accept", "application/json")
                  .timeout(upstream.readTimeout())
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (answer.statusCode() != 200) {
        throw new UnavailableException(
            service + " answered " + answer.statusCode() + " for its /openapi.");
      }
      return map(plain(Json.createReader(new StringReader(answer.body())).readValue()));
    } catch (IOException | RuntimeException e) {
      throw new UnavailableException(service + "'s /openapi could not be read: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("Interrupted");
    }
  }

  /** The service's operations that the gateway publishes for it, with the door's security. */
  private void merge(String service, Map<String, Object> from, Map<String, Object> into) {
    from.forEach(
        (path, item) -> {
          Route route = routes.match(path).orElse(null);
          if (route == null || !route.service().equals(service)) {
            return; // not routed to this service, or internal: not public
          }
          Map<String, Object> published = new LinkedHashMap<>();
          map(item)
              .forEach(
                  (method, value) -> {
                    if (!METHODS.contains(method)) {
                      published.put(method, value);
                      return;
                    }
                    Map<String, Object> operation = new LinkedHashMap<>(map(value));
                    if (Boolean.TRUE.equals(operation.get("x-internal"))) {
                      return;
                    }
                    secure(method.toUpperCase(), path, operation);
                    published.put(method, operation);
                  });
          if (published.keySet().stream().anyMatch(METHODS::contains)) {
            into.put(path, published);
          }
        });
  }

  private void secure(String method, String path, Map<String, Object> operation) {
    String sample = path.replaceAll("\\{[^}]*}", "1");
    Map<String, Object> responses = new TreeMap<>(map(operation.get("responses")));
    if (rules.isPublic(method, sample)) {
      operation.remove("security");
    } else {
      operation.put("security", List.of(Map.of("bearer", List.of())));
      responses.putIfAbsent("401", problem("No token, or an invalid or expired one", responses));
      if (rules.needsAdmin(method, sample)) {
        operation.putIfAbsent("x-roles", List.of("ADMIN"));
        responses.putIfAbsent("403", problem("Signed in, but not as ADMIN", responses));
      }
    }
    operation.put("responses", responses);
  }

  /** A problem answer like the operation's 429 (its headers and problem body), described. */
  private static Map<String, Object> problem(String text, Map<String, Object> responses) {
    Map<String, Object> like = new LinkedHashMap<>(map(responses.get("429")));
    Map<String, Object> headers = new LinkedHashMap<>(map(like.get("headers")));
    headers.remove("Retry-After");
    like.put("headers", headers);
    like.put("description", text);
    return like;
  }

  /**
   * The service's document with its components renamed where another service already defined the
   * same name differently ({@code Service} + name), its references with them.
   */
  private static Map<String, Object> renameConflicts(
      String service, Map<String, Object> document, Map<String, Map<String, Object>> merged) {
    Map<String, Object> schemas = map(map(document.get("components")).get("schemas"));
    Map<String, Object> known = merged.getOrDefault("schemas", Map.of());
    String text = Json.createObjectBuilder(document).build().toString();
    boolean renamed = false;
    for (var entry : schemas.entrySet()) {
      Object other = known.get(entry.getKey());
      if (other != null && !other.equals(entry.getValue())) {
        String to =
            Character.toUpperCase(service.charAt(0)) + service.substring(1) + entry.getKey();
        text = text.replace("\"" + SCHEMAS + entry.getKey() + "\"", "\"" + SCHEMAS + to + "\"");
        text = text.replace("\"" + entry.getKey() + "\":{", "\"" + to + "\":{");
        renamed = true;
      }
    }
    return renamed ? map(plain(Json.createReader(new StringReader(text)).readValue())) : document;
  }

  /**
   * Leaves out the components no published operation uses, directly or through another component
   * (the request records of internal operations).
   */
  private static void prune(
      Map<String, Object> paths, Map<String, Map<String, Object>> components) {
    java.util.regex.Pattern ref =
        java.util.regex.Pattern.compile("\"#/components/(\\w+)/([^\"]+)\"");
    Set<String> used = new java.util.HashSet<>();
    List<String> pending = new ArrayList<>();
    pending.add(Json.createObjectBuilder(paths).build().toString());
    for (var scheme : components.getOrDefault("securitySchemes", Map.of()).keySet()) {
      used.add("securitySchemes/" + scheme);
    }
    while (!pending.isEmpty()) {
      java.util.regex.Matcher found = ref.matcher(pending.remove(pending.size() - 1));
      while (found.find()) {
        String key = found.group(1) + "/" + found.group(2);
        Object component = components.getOrDefault(found.group(1), Map.of()).get(found.group(2));
        if (component != null && used.add(key)) {
          pending.add(json(component));
        }
      }
    }
    components.forEach(
        (kind, entries) -> entries.keySet().removeIf(n -> !used.contains(kind + "/" + n)));
  }

  private static String json(Object value) {
    return Json.createObjectBuilder(Map.of("v", value)).build().toString();
  }

  private static String hash(Map<String, Object> content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  Json.createObjectBuilder(content)
                      .build()
                      .toString()
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every map in key order, so that the same API gives the same text (the services' maps come in
   * whatever order their JVM keeps).
   */
  static Object sorted(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> sorted = new TreeMap<>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
      return sorted;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(ApiDocument::sorted).toList();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** JSON as plain Java values: maps keep their order, numbers are Long or Double. */
  static Object plain(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        ((JsonObject) value).forEach((k, v) -> object.put(k, plain(v)));
        return object;
      case ARRAY:
        List<Object> array = new ArrayList<>();
        ((JsonArray) value).forEach(v -> array.add(plain(v)));
        return array;
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER:
        JsonNumber number = (JsonNumber) value;
        return number.isIntegral() ? (Object) number.longValue() : (Object) number.doubleValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
