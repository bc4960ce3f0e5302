package com.airline.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.airline.it.Airline;
import com.airline.it.Http;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The documents are the truth: each service's {@code /openapi} lists exactly the resource methods
 * it deploys (as its chassis enumerates them at {@code /ops/resources}, a resource added without
 * any annotation included); the gateway's whole document is valid, leaves internal operations out,
 * covers the contract's tables and equals the checked-in {@code docs/openapi.yaml} that the client
 * is generated from.
 */
class OpenApiDocumentIT {

  static final List<String> SERVICES = List.of("auth", "flights", "booking", "reminder");
  static final Path CHECKED_IN =
      Path.of(System.getProperty("airline.root", ".."), "docs", "openapi.yaml");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  static Http gateway;

  @BeforeAll
  static void start() {
    Airline.start("auth", "flights", "booking", "reminder");
    gateway = Http.to(Airline.start("gateway"));
  }

  @Test
  void everyService_servesItsDocument_onEveryCall() {
    for (String service : SERVICES) {
      Http http = Http.to(Airline.url(service));
      for (int call = 1; call <= 2; call++) {
        Http.Reply reply = http.get("/openapi");
        assertEquals(200, reply.status(), service + " call " + call + ": " + reply.body());
        assertTrue(reply.body().contains("/api/v1/"), service + " lists no path: " + reply.body());
      }
    }
  }

  @Test
  void everyService_documentsExactlyTheResourceMethodsItServes() {
    List<String> wrong = new ArrayList<>();
    for (String service : SERVICES) {
      Http http = Http.to(Airline.url(service));
      Set<String> served = new TreeSet<>();
      http.get("/ops/resources").array().getValuesAs(JsonObject.class).stream()
          .forEach(m -> served.add(m.getString("method") + " " + m.getString("path")));
      Set<String> documented =
          operations(http.with("Accept", "application/json").get("/openapi").json());
      assertFalse(served.isEmpty(), service + " lists no resource method");
      for (String operation : served) {
        if (!documented.contains(normalized(operation))) {
          wrong.add(service + " serves " + operation + " but its /openapi lacks it");
        }
      }
      Set<String> servedNormalized = new TreeSet<>();
      served.forEach(o -> servedNormalized.add(normalized(o)));
      for (String operation : documented) {
        if (!servedNormalized.contains(operation)) {
          wrong.add(service + "'s /openapi lists " + operation + ", which it does not serve");
        }
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @Test
  void publicDocument_isValid() {
    String yaml = served();
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, null);
    assertTrue(
        result.getMessages() == null || result.getMessages().isEmpty(),
        "swagger-parser: " + result.getMessages());
    assertTrue(result.getOpenAPI() != null && !result.getOpenAPI().getPaths().isEmpty());
  }

  @Test
  void publicDocument_isJsonWhenAsked_withTagsAServerAndAContentVersion() {
    JsonObject byAccept = gateway.with("Accept", "application/json").get("/api/v1/openapi").json();
    JsonObject byQuery = gateway.get("/api/v1/openapi?format=json").json();
    assertEquals(byAccept, byQuery);
    assertTrue(
        byAccept.getJsonObject("info").getString("version").matches("1\\.0\\.0-[0-9a-f]{10}"),
        byAccept.getJsonObject("info").toString());
    assertEquals(
        Set.copyOf(SERVICES),
        Set.copyOf(
            byAccept.getJsonArray("tags").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name"))
                .toList()));
    assertFalse(byAccept.getJsonArray("servers").isEmpty());
    Http.Reply yaml = gateway.get("/api/v1/openapi");
    assertEquals(200, yaml.status());
    assertTrue(yaml.contentType().startsWith("application/yaml"), yaml.contentType());
    Http.Reply page = gateway.get("/api/v1/docs");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertEquals(200, gateway.get("/api/v1/docs/swagger-ui-bundle.js").status());
    assertEquals(404, gateway.get("/api/v1/docs/nothing.js").status());
    // the document's paths beside them are still the services'
    assertEquals(200, gateway.get("/api/v1/auth/jwks").status());
  }

  @Test
  void publicDocument_leavesOutInternalOperations_andSaysWhoMayCallTheRest() {
    JsonObject document = gateway.get("/api/v1/openapi?format=json").json();
    Set<String> operations = operations(document);
    operations.forEach(
        o -> {
          assertFalse(o.contains("/reservations"), o);
          assertFalse(o.contains("/service-tokens"), o);
        });
    JsonObject paths = document.getJsonObject("paths");
    JsonObject signUp = paths.getJsonObject("/api/v1/auth/signup").getJsonObject("post");
    assertFalse(signUp.containsKey("security"), "sign-up needs no token");
    JsonObject users = paths.getJsonObject("/api/v1/users").getJsonObject("get");
    assertEquals("[\"ADMIN\",\"SUPPORT\"]", users.get("x-roles").toString());
    assertTrue(users.containsKey("security"));
    JsonObject booking = paths.getJsonObject("/api/v1/bookings").getJsonObject("post");
    assertTrue(booking.containsKey("security"));
    JsonObject created = booking.getJsonObject("responses").getJsonObject("201");
    assertTrue(created.getJsonObject("headers").containsKey("X-Request-ID"));
    assertTrue(created.getJsonObject("headers").containsKey("RateLimit-Remaining"));
    JsonObject limited = booking.getJsonObject("responses").getJsonObject("429");
    assertTrue(limited.getJsonObject("headers").containsKey("Retry-After"));
    assertTrue(limited.getJsonObject("content").containsKey("application/problem+json"));
    assertTrue(booking.toString().contains("Idempotency-Key"));
    JsonObject problem =
        document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
    assertTrue(problem.getJsonObject("properties").containsKey("errors"));
    assertTrue(
        document
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .getJsonObject("bearer")
            .getString("bearerFormat")
            .equals("JWT"));
  }

  /**
   * Every method and path of API.md's tables that a service serves is in the public document (those
   * no service serves yet are named in the output: the contract runs ahead of the code).
   */
  @Test
  void publicDocument_listsThePathsOfTheContract() throws Exception {
    Path contract =
        Path.of(System.getProperty("airline.root", ".."), "..", "shared", "API.md").normalize();
    if (!Files.exists(contract)) {
      System.out.println("No " + contract + ": the contract's paths are not checked");
      return;
    }
    Set<String> documented = operations(gateway.get("/api/v1/openapi?format=json").json());
    Set<String> served = new TreeSet<>();
    for (String service : SERVICES) {
      Http.to(Airline.url(service))
          .get("/ops/resources")
          .array()
          .getValuesAs(JsonObject.class)
          .forEach(m -> served.add(normalized(m.getString("method") + " " + m.getString("path"))));
    }
    Matcher row =
        Pattern.compile(
                "^\\| ((?:GET|POST|PUT|PATCH|DELETE)(?:, (?:GET|POST|PUT|PATCH|DELETE))*) (/\\S+) \\|",
                Pattern.MULTILINE)
            .matcher(Files.readString(contract));
    List<String> missing = new ArrayList<>();
    int rows = 0;
    while (row.find()) {
      for (String method : row.group(1).split(", ")) {
        rows++;
        String operation = normalized(method + " /api/v1" + row.group(2));
        if (!documented.contains(operation)) {
          if (served.contains(operation)) {
            missing.add(operation);
          } else {
            System.out.println("API.md's " + operation + " is served by no service yet");
          }
        }
      }
    }
    assertTrue(rows > 30, "API.md's tables were not read: " + rows + " rows");
    assertTrue(missing.isEmpty(), "served but not in /api/v1/openapi: " + missing);
  }

  /**
   * The checked-in document (the generated client's source) is what the gateway serves. Refresh it
   * with {@code -Dopenapi.refresh=true} on this test.
   */
  @Test
  void publicDocument_equalsTheCheckedInOne() throws Exception {
    String served = served();
    if (Boolean.getBoolean("openapi.refresh")) {
      Files.writeString(CHECKED_IN, served);
    }
    String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "";
    if (!served.equals(checkedIn)) {
      fail(
          CHECKED_IN.normalize()
              + " differs from what the gateway serves at /api/v1/openapi: the API changed. Refresh"
              + " it (mvn -B verify -pl system-tests -am -Dit.test=OpenApiDocumentIT -Dtest=none"
              + " -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false"
              + " -Dopenapi.refresh=true), review the"
              + " diff and commit it; the generated client follows on the next build.");
    }
  }

  static String served() {
    Http.Reply reply = gateway.get("/api/v1/openapi");
    assertEquals(200, reply.status(), reply.body());
    return reply.body();
  }

  /** "GET /api/v1/users/{}" for each operation of a document. */
  static Set<String> operations(JsonObject document) {
    Set<String> operations = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (var entry : paths.getJsonObject(path).entrySet()) {
        if (METHODS.contains(entry.getKey())
            && entry.getValue().getValueType() == JsonValue.ValueType.OBJECT) {
          operations.add(normalized(entry.getKey().toUpperCase() + " " + path));
        }
      }
    }
    return operations;
  }

  static String normalized(String operation) {
    return operation.replaceAll("\\{[^}]*}", "{}");
  }
}
