package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMatrixTest {

  static final JsonObject DOCUMENT =
      read(
          """
          {"paths": {
            "/api/v1/flights": {
              "get": {"operationId": "flightsSearch"},
              "post": {"security": [{"bearer": []}], "x-roles": ["ADMIN"], "requestBody": {}},
              "parameters": []},
            "/api/v1/bookings/{reference}": {
              "get": {"security": [{"bearer": []}]}},
            "/api/v1/reminders": {
              "get": {"security": [{"bearer": []}], "x-roles": ["ADMIN", "SUPPORT"]}}}}
          """);

  static JsonObject read(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  @Test
  void operations_takeTheAccessTheDocumentDeclares() {
    List<RoleMatrix.Operation> operations = RoleMatrix.operations(DOCUMENT);
    assertEquals(
        List.of(
            new RoleMatrix.Operation("GET", "/api/v1/flights", false, null, false),
            new RoleMatrix.Operation("POST", "/api/v1/flights", true, List.of("ADMIN"), true),
            new RoleMatrix.Operation("GET", "/api/v1/bookings/{reference}", true, null, false),
            new RoleMatrix.Operation(
                "GET", "/api/v1/reminders", true, List.of("ADMIN", "SUPPORT"), false)),
        operations);
    assertEquals("anyone", operations.get(0).access());
    assertEquals("signed in", operations.get(2).access());
  }

  @Test
  void aServiceToken_isLetInOnlyWhereXRolesNamesService() {
    var operations = RoleMatrix.operations(DOCUMENT);
    assertTrue(!operations.get(0).allows("SERVICE") && operations.get(0).allows("none"));
    var internal = new RoleMatrix.Operation("POST", "/x", true, List.of("SERVICE"), false);
    assertTrue(internal.allows("SERVICE") && !internal.allows("ADMIN"));
  }

  @Test
  void signedIn_meansAUsersToken_neverAServiceOne() {
    var signedIn = RoleMatrix.operations(DOCUMENT).get(2);
    assertTrue(signedIn.allows("USER") && signedIn.allows("SUPPORT") && signedIn.allows("ADMIN"));
    assertTrue(!signedIn.allows("SERVICE") && !signedIn.allows("none"));
  }

  @Test
  void fault_refusingOneLetIn_orLettingInOneNot_orAnyServerError() {
    var adminOnly = RoleMatrix.operations(DOCUMENT).get(1);
    assertNull(RoleMatrix.fault(adminOnly, "ADMIN", reply(400, "application/problem+json")));
    assertTrue(
        RoleMatrix.fault(adminOnly, "ADMIN", reply(403, "application/problem+json"))
            .startsWith("refused a caller the document lets in"));
    assertNull(RoleMatrix.fault(adminOnly, "USER", reply(403, "application/problem+json")));
    assertNull(RoleMatrix.fault(adminOnly, "none", reply(401, "application/problem+json")));
    assertTrue(
        RoleMatrix.fault(adminOnly, "USER", reply(400, "application/problem+json"))
            .startsWith("expected 403"));
    assertTrue(
        RoleMatrix.fault(adminOnly, "none", reply(403, "application/problem+json"))
            .startsWith("expected 401"));
    assertTrue(RoleMatrix.fault(adminOnly, "USER", reply(403, "text/html")).contains("no problem"));
    assertTrue(
        RoleMatrix.fault(adminOnly, "ADMIN", reply(500, "application/problem+json"))
            .startsWith("answered 500"));
  }

  static Client.Reply reply(int status, String type) {
    return new Client.Reply(status, Map.of("content-type", type), "{\"status\":" + status + "}", 1);
  }
}
