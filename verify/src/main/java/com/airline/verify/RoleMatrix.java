package com.airline.verify;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the gateway's OpenAPI document, called by each kind of caller (none, USER,
 * SUPPORT, ADMIN, SERVICE), against the access the document declares: none (anyone), {@code bearer}
 * (any signed-in user), or {@code x-roles}. A caller the document lets in is never refused (401,
 * 403); one it does not is refused, 401 without a token and 403 with one, as problem+json. Nothing
 * is written: bodies are empty objects (invalid everywhere), and what a caller may change is a
 * resource that does not exist or its own (its user, its booking).
 */
final class RoleMatrix {

  static final String NAME = "roles";

  static final List<String> CALLERS = List.of("none", "USER", "SUPPORT", "ADMIN", "SERVICE");

  private static final Set<String> USER_ROLES = Set.of("USER", "SUPPORT", "ADMIN");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

  private final Platform platform;

  RoleMatrix(Platform platform) {
    this.platform = platform;
  }

  /** An operation and who the document lets call it (null roles: any signed-in user). */
  record Operation(String method, String path, boolean secured, List<String> roles, boolean body) {

    boolean allows(String caller) {
      if (caller.equals("SERVICE")) {
        // the bearer scheme's rule: a service's token is good only where x-roles names SERVICE
        return roles != null && roles.contains(caller);
      }
      if (!secured) {
        return true;
      }
      return roles == null ? USER_ROLES.contains(caller) : roles.contains(caller);
    }

    String access() {
      return !secured ? "anyone" : roles == null ? "signed in" : String.join(", ", roles);
    }
  }

  /** The operations of an OpenAPI document (JSON), in its order. */
  static List<Operation> operations(JsonObject document) {
    List<Operation> found = new ArrayList<>();
    document
        .getJsonObject("paths")
        .forEach(
            (path, item) ->
                item.asJsonObject()
                    .forEach(
                        (method, value) -> {
                          if (!METHODS.contains(method)) {
                            return;
                          }
                          JsonObject operation = value.asJsonObject();
                          boolean secured =
                              operation.containsKey("security")
                                  && !operation.getJsonArray("security").isEmpty();
                          List<String> roles =
                              operation.containsKey("x-roles")
                                  ? operation.getJsonArray("x-roles").stream()
                                      .map(r -> ((JsonString) r).getString())
                                      .toList()
                                  : null;
                          found.add(
                              new Operation(
                                  method.toUpperCase(),
                                  path,
                                  secured,
                                  roles,
                                  operation.containsKey("requestBody")));
                        }));
    return found;
  }

  /** A caller: its client (signed in or not), its own user id and booking. */
  private record Caller(Client client, String userId, String booking) {}

  Outcome run() {
    Client.Reply document = platform.anonymous().get("api/v1/openapi?format=json");
    Platform.expect(200, document, "the OpenAPI document");
    List<Operation> operations = operations(document.json());
    Map<String, Caller> callers = callers();
    List<String> failures = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    int requests = 0;
    for (Operation operation : operations) {
      List<String> row = new ArrayList<>(List.of(operation.method() + " " + operation.path()));
      row.add(operation.access());
      for (String name : CALLERS) {
        Caller caller = callers.get(name);
        Client.Reply reply =
            caller
                .client()
                .send(
                    operation.method(),
                    path(operation, caller),
                    operation.body() ? "{}" : null,
                    Map.of());
        requests++;
        statuses.merge(reply.status(), 1, Integer::sum);
        String fault = fault(operation, name, reply);
        row.add(reply.status() + (fault == null ? "" : " ✗"));
        if (fault != null) {
          failures.add(operation.method() + " " + operation.path() + " as " + name + ": " + fault);
        }
      }
      rows.add(row);
    }
    List<String> header = new ArrayList<>(List.of("operation", "document says"));
    header.addAll(CALLERS);
    return new Outcome(
        NAME,
        "every operation of the OpenAPI document ("
            + operations.size()
            + ") as each caller ("
            + String.join(", ", CALLERS)
            + "), against the roles it declares",
        requests + " requests; statuses " + statuses,
        failures,
        new Outcome.Table(header, rows));
  }

  /** Why the reply breaks the document's access rule for that caller; null if it keeps it. */
  static String fault(Operation operation, String caller, Client.Reply reply) {
    int status = reply.status();
    if (status == 0 || status >= 500) {
      return "answered " + reply;
    }
    boolean refused = status == 401 || status == 403;
    if (operation.allows(caller)) {
      return refused ? "refused a caller the document lets in: " + reply : null;
    }
    int expected = caller.equals("none") ? 401 : 403;
    if (status != expected) {
      return "expected " + expected + " for a caller the document does not let in, got " + reply;
    }
    String problem = reply.problemFault();
    return problem == null ? null : "a " + status + " that is no problem+json: " + problem;
  }

  /** The path with its parameters: the caller's own user and booking, else nothing that exists. */
  private static String path(Operation operation, Caller caller) {
    Matcher parameters = PARAMETER.matcher(operation.path());
    StringBuilder path = new StringBuilder();
    boolean own = operation.method().equals("GET") || operation.method().equals("PATCH");
    while (parameters.find()) {
      String name = parameters.group(1);
      String value =
          switch (name) {
            case "reference" -> caller.booking();
            case "id" ->
                operation.path().startsWith("/api/v1/users/") && own ? caller.userId() : "0";
            case "kind" -> "CONFIRMATION";
            case "code" -> "0"; // no airport's, no airline's
            case "name" -> "VERIFY_NO_SUCH_ROLE";
            default -> "verify";
          };
      parameters.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    parameters.appendTail(path);
    return path.substring(1);
  }

  private Map<String, Caller> callers() {
    long flight = platform.flight(10, Duration.ofDays(7)).getJsonNumber("id").longValue();
    Platform.User user = platform.signUp("matrix-user");
    Platform.User support = platform.support();
    Client admin = platform.admin();
    String adminId = admin.get("api/v1/auth/me").json().getString("id");
    Map<String, Caller> callers = new LinkedHashMap<>();
    Caller asUser = new Caller(user.client(), user.id(), book(user.client(), flight));
    callers.put("none", new Caller(platform.anonymous(), user.id(), asUser.booking()));
    callers.put("USER", asUser);
    callers.put(
        "SUPPORT", new Caller(support.client(), support.id(), book(support.client(), flight)));
    callers.put("ADMIN", new Caller(admin, adminId, book(admin, flight)));
    callers.put(
        "SERVICE",
        new Caller(platform.anonymous().as(platform.serviceToken()), user.id(), asUser.booking()));
    return callers;
  }

  private static String book(Client client, long flight) {
    Client.Reply booked =
        Platform.book(client, flight, 1, "Verify Matrix", "verify-matrix@verify.test", Map.of());
    Platform.expect(201, booked, "a booking");
    return booked.json().getString("reference");
  }
}
