package com.airline.verify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Every operation of the OpenAPI document fed generated bad input (jqwik's generators): bodies that
 * are no JSON or of another content type, the document's own request bodies with a required field
 * missing and another one odd (another type, huge, control characters, impossible dates and
 * numbers, unknown fields), odd path and query values, and, over a raw socket, request lines and
 * headers no client library sends (broken percent-encodings, steps above the root, a 64 KiB
 * header). Each is sent as a caller the operation lets in, so that it reaches the service. Every
 * answer must be a 4xx problem+json without a stack trace (a 2xx only for a free-text query), and
 * nothing may be written: the catalogue's, users' and bookings' totals stay as they were.
 */
final class BadInput {

  static final String NAME = "bad input";

  /**
   * Generated inputs per operation: for the admin's some 25 operations, with what the other checks
   * send, within the gateway's default 600 a minute per user.
   */
  static final int PER_OPERATION = 16;

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  /** What the totals are read from (as the admin), to see that nothing was written. */
  private static final List<String> TOTALS =
      List.of(
          "api/v1/cities?size=1",
          "api/v1/airports?size=1",
          "api/v1/airlines?size=1",
          "api/v1/airplanes?size=1",
          "api/v1/flights?size=1",
          "api/v1/users?size=1",
          "api/v1/bookings?size=1");

  private final Platform platform;
  private final List<String> failures = new ArrayList<>();
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private int sent;
  private int limited;

  BadInput(Platform platform) {
    this.platform = platform;
  }

  Outcome run() {
    Client.Reply document = platform.anonymous().get("api/v1/openapi?format=json");
    Platform.expect(200, document, "the OpenAPI document");
    JsonObject doc = document.json();
    Client admin = platform.admin();
    Client user = platform.signUp("bad-input").client();
    Map<String, Long> before = totals(admin);
    List<RoleMatrix.Operation> operations = RoleMatrix.operations(doc);
    for (RoleMatrix.Operation operation : operations) {
      // anyone's operations from an address each: sign-up and sign-in share a limit of 20 per
      // address, which two operations' inputs would pass
      Client caller =
          !operation.secured()
              ? platform.anonymous()
              : operation.roles() == null || operation.roles().contains("USER") ? user : admin;
      JsonObject described = described(doc, operation);
      for (int i = 0; i < PER_OPERATION; i++) {
        Input input = input(doc, operation, described, i);
        check(operation, input, sent(caller, operation, input));
      }
    }
    int raw = 0;
    for (Map.Entry<String, String> trick : Raw.tricks().entrySet()) {
      Client.Reply reply = Raw.send(platform.options.gateway(), trick.getValue());
      raw++;
      check(
          new RoleMatrix.Operation("RAW", trick.getKey(), false, null, false),
          new Input(trick.getKey(), null, Map.of(), false),
          reply);
    }
    Map<String, Long> after = totals(admin);
    if (!before.equals(after)) {
      failures.add("something was written: totals before " + before + ", after " + after);
    }
    return new Outcome(
        NAME,
        PER_OPERATION
            + " generated bad inputs for each of "
            + operations.size()
            + " operations, "
            + raw
            + " raw request lines and headers",
        sent
            + " requests ("
            + limited
            + " sent again after a 429); statuses "
            + statuses
            + "; totals unchanged: "
            + before.equals(after),
        failures);
  }

  /**
   * The answer to the input, sent again after the gateway's Retry-After when it was rate-limited: a
   * 429 says nothing about the input.
   */
  private Client.Reply sent(Client caller, RoleMatrix.Operation operation, Input input) {
    for (int attempt = 0; ; attempt++) {
      Client.Reply reply =
          caller.send(operation.method(), input.path(), input.body(), input.headers());
      String retryAfter = reply.header("Retry-After");
      if (reply.status() != 429 || retryAfter == null || attempt == 3) {
        return reply;
      }
      limited++;
      try {
        Thread.sleep(Math.min(60, Long.parseLong(retryAfter.strip())) * 1000 + 200);
      } catch (NumberFormatException e) {
        return reply;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return reply;
      }
    }
  }

  /** One request: its path (with the query), body, headers, and whether a 2xx is fine. */
  record Input(String path, String body, Map<String, String> headers, boolean mayPass) {}

  private void check(RoleMatrix.Operation operation, Input input, Client.Reply reply) {
    sent++;
    statuses.merge(reply.status(), 1, Integer::sum);
    int status = reply.status();
    String fault;
    if (status >= 200 && status < 300 && input.mayPass()) {
      fault = null;
    } else if (status < 400 || status >= 500) {
      fault = "answered " + reply;
    } else {
      fault = reply.problemFault();
    }
    if (fault != null && failures.size() < 200) {
      String body = input.body() == null ? "" : " body " + Client.abbreviated(input.body());
      failures.add(
          operation.method()
              + " "
              + Client.abbreviated(input.path())
              + body
              + (input.headers().isEmpty() ? "" : " headers " + input.headers().keySet())
              + ": "
              + fault);
    }
  }

  private Map<String, Long> totals(Client admin) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String list : TOTALS) {
      Client.Reply reply = admin.get(list);
      Platform.expect(200, reply, list);
      totals.put(
          list.substring(7, list.indexOf('?')),
          reply.json().getJsonNumber("totalItems").longValue());
    }
    return totals;
  }

  /** The operation's object in the document, for its parameters and body schema. */
  private static JsonObject described(JsonObject doc, RoleMatrix.Operation operation) {
    return doc.getJsonObject("paths")
        .getJsonObject(operation.path())
        .getJsonObject(operation.method().toLowerCase());
  }

  /**
   * The i-th input for the operation: the kinds take turns (body, content type, path, query,
   * header), each filled by the generators.
   */
  static Input input(JsonObject doc, RoleMatrix.Operation operation, JsonObject described, int i) {
    List<JsonObject> query = parameters(described, "query");
    boolean pathParameters = PARAMETER.matcher(operation.path()).find();
    String path = path(operation.path(), null);
    List<String> kinds = new ArrayList<>();
    if (operation.body()) {
      kinds.addAll(List.of("body", "body", "body", "not json", "content type"));
    }
    if (pathParameters) {
      kinds.add("path");
    }
    if (!query.isEmpty()) {
      kinds.add("query");
    }
    kinds.add("header");
    String kind = kinds.get(i % kinds.size());
    String valid = operation.body() ? body(doc, described, i).toString() : null;
    return switch (kind) {
      case "body" -> new Input(path, body(doc, described, i).toString(), Map.of(), false);
      case "not json" -> new Input(path, Generators.NOT_JSON.sample(), Map.of(), false);
      case "content type" ->
          new Input(path, valid, Map.of("Content-Type", Generators.CONTENT_TYPES.sample()), false);
      case "path" ->
          new Input(path(operation.path(), Generators.ODD_PATH.sample()), valid, Map.of(), false);
      case "query" -> {
        JsonObject parameter = query.get((i / kinds.size()) % query.size());
        String value = Generators.ODD_STRINGS.sample();
        yield new Input(
            path
                + (path.contains("?") ? "&" : "?")
                + parameter.getString("name")
                + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8),
            valid,
            Map.of(),
            (freeText(parameter) || value.trim().isEmpty())
                && !operation.body()
                && !pathParameters);
      }
      default ->
          new Input(
              path,
              valid,
              Map.of("Accept", Generators.ODD_HEADER.sample()),
              !operation.body() && !pathParameters);
    };
  }

  private static List<JsonObject> parameters(JsonObject described, String in) {
    if (!described.containsKey("parameters")) {
      return List.of();
    }
    return described.getJsonArray("parameters").stream()
        .map(JsonValue::asJsonObject)
        .filter(p -> in.equals(p.getString("in", "")))
        .toList();
  }

  /**
   * A string parameter without pattern, format or enum: any value is a valid one. (A value that
   * trims to nothing is no value to JAX-RS: the parameter's default applies.)
   */
  private static boolean freeText(JsonObject parameter) {
    JsonObject schema = parameter.getJsonObject("schema");
    return schema != null
        && "string".equals(schema.getString("type", ""))
        && !schema.containsKey("pattern")
        && !schema.containsKey("format")
        && !schema.containsKey("enum");
  }

  /**
   * The path with every parameter a value no resource has ("0", no id or code of anyone's), or the
   * odd one given (put in as it is: it brings its own encoding).
   */
  static String path(String template, String odd) {
    Matcher parameters = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameters.find()) {
      parameters.appendReplacement(path, Matcher.quoteReplacement(odd == null ? "0" : odd));
    }
    parameters.appendTail(path);
    return path.substring(1);
  }

  /**
   * The operation's request body as its schema describes it, type-correct values, without one of
   * its required fields (so that it can never be valid and written) and with one other field odd.
   */
  static JsonValue body(JsonObject doc, JsonObject described, int i) {
    JsonObject schema = schema(doc, described);
    if (schema == null
        || !"object".equals(schema.getString("type", "object"))
        || !schema.containsKey("properties")) {
      return Generators.ODD_VALUE.sample();
    }
    JsonObject properties = schema.getJsonObject("properties");
    List<String> names = new ArrayList<>(properties.keySet());
    List<String> required =
        schema.containsKey("required")
            ? schema.getJsonArray("required").stream()
                .map(v -> ((JsonString) v).getString())
                .toList()
            : List.of();
    String missing = required.isEmpty() ? null : required.get(i % required.size());
    String odd = names.get(i % names.size());
    if (missing == null) {
      names = List.of(odd); // nothing required: the odd field alone
    }
    JsonObjectBuilder body = Json.createObjectBuilder();
    for (String name : names) {
      if (name.equals(missing)) {
        continue;
      }
      body.add(
          name,
          name.equals(odd)
              ? Generators.ODD_VALUE.sample()
              : plain(doc, properties.getJsonObject(name)));
    }
    if (i % 3 == 0) {
      body.add(Generators.ODD_NAME.sample(), Generators.ODD_VALUE.sample());
    }
    return body.build();
  }

  private static JsonObject schema(JsonObject doc, JsonObject described) {
    if (!described.containsKey("requestBody")) {
      return null;
    }
    JsonObject content = described.getJsonObject("requestBody").getJsonObject("content");
    if (content == null || !content.containsKey("application/json")) {
      return null;
    }
    return resolve(doc, content.getJsonObject("application/json").getJsonObject("schema"));
  }

  private static JsonObject resolve(JsonObject doc, JsonObject schema) {
    if (schema != null && schema.containsKey("$ref")) {
      String name = schema.getString("$ref").substring("#/components/schemas/".length());
      return doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
    }
    return schema;
  }

  /** A value of the property's type, nothing odd about it. */
  private static JsonValue plain(JsonObject doc, JsonObject property) {
    JsonObject schema = resolve(doc, property);
    String type = schema == null ? "string" : schema.getString("type", "string");
    return switch (type) {
      case "integer" -> Json.createValue(1);
      case "number" -> Json.createValue(1.5);
      case "boolean" -> JsonValue.TRUE;
      case "array" -> JsonValue.EMPTY_JSON_ARRAY;
      case "object" -> JsonValue.EMPTY_JSON_OBJECT;
      default ->
          Json.createValue(
              "date-time".equals(schema == null ? "" : schema.getString("format", ""))
                  ? Instant.now().plusSeconds(86_400).toString()
                  : "verify");
    };
  }

  /** jqwik's generators of odd values, used outside a property: each sample a fresh one. */
  static final class Generators {

    static final Arbitrary<String> ODD_STRINGS =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
            Arbitraries.strings().alpha().ofMinLength(5_000).ofMaxLength(70_000),
            Arbitraries.of(
                "\u0000",
                "\r\nX-Injected: 1",
                "' OR 1=1 --",
                "<script>alert(1)</script>",
                "../../../etc/passwd",
                "${jndi:ldap://127.0.0.1/x}",
                "\uD800",
                "\u202Egnp.exe",
                "😀😀😀",
                "%00",
                "%zz",
                " ",
                ""));

    static final Arbitrary<JsonValue> ODD_VALUE =
        Arbitraries.oneOf(
            ODD_STRINGS.map(s -> (JsonValue) Json.createValue(s)),
            Arbitraries.of(
                JsonValue.NULL,
                JsonValue.TRUE,
                JsonValue.FALSE,
                JsonValue.EMPTY_JSON_ARRAY,
                JsonValue.EMPTY_JSON_OBJECT,
                Json.createArrayBuilder().add(1).add("two").add(JsonValue.NULL).build(),
                Json.createObjectBuilder()
                    .add("nested", Json.createObjectBuilder().add("x", 1))
                    .build()),
            Arbitraries.of(
                    "2026-13-45T99:99:99Z",
                    "2026-02-30T10:00:00Z",
                    "yesterday",
                    "0000-00-00T00:00:00Z",
                    "+999999999-12-31T23:59:59Z",
                    "2026-12-25",
                    "1e309",
                    "NaN",
                    "-0",
                    "1,5",
                    "0x1F")
                .map(s -> (JsonValue) Json.createValue(s)),
            Arbitraries.bigIntegers()
                .between(
                    java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                .map(n -> (JsonValue) Json.createValue(n)),
            Arbitraries.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1)
                .map(n -> (JsonValue) Json.createValue(n)),
            Arbitraries.doubles().between(-1e300, 1e300).map(d -> (JsonValue) Json.createValue(d)));

    static final Arbitrary<String> ODD_NAME =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20),
            Arbitraries.of("id", "__proto__", "createdAt", "roles", "status", "userId"));

    static final Arbitrary<String> NOT_JSON =
        Arbitraries.oneOf(
            Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"a\":", "<x/>", "{}{}", "[1,2"),
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(200));

    static final Arbitrary<String> CONTENT_TYPES =
        Arbitraries.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=ebcdic",
            "*/*",
            "garbage");

    /** Path segments that are no id or code: encoded odd strings, and encodings that are odd. */
    static final Arbitrary<String> ODD_PATH =
        Arbitraries.oneOf(
            ODD_STRINGS
                .filter(s -> !s.isEmpty() && !s.matches("[A-Za-z0-9]{1,12}"))
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20")),
            Arbitraries.of(
                "-1",
                "1.5",
                "99999999999999999999999",
                "%2e%2e%2f%2e%2e",
                "%252e",
                "%C3%28",
                "%E2%82"));

    static final Arbitrary<String> ODD_HEADER =
        Arbitraries.of(
            "application/xml", "text/html", "image/png", "application/json;q=abc", "*/*;;;", "");
  }
}
