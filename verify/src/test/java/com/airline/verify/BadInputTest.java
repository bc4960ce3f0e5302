package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BadInputTest {

  static final JsonObject DOCUMENT =
      RoleMatrixTest.read(
          """
          {"paths": {
            "/api/v1/cities": {
              "post": {"security": [{"bearer": []}], "x-roles": ["ADMIN"],
                "requestBody": {"content": {"application/json":
                  {"schema": {"$ref": "#/components/schemas/CityRequest"}}}}},
              "get": {"parameters": [
                {"in": "query", "name": "name", "schema": {"type": "string"}},
                {"in": "query", "name": "page", "schema": {"type": "integer"}}]}},
            "/api/v1/cities/{id}": {"get": {}}},
           "components": {"schemas": {"CityRequest": {"type": "object",
             "required": ["name", "country"],
             "properties": {"name": {"type": "string"}, "country": {"type": "string"}}}}}}
          """);

  @Test
  void everyGeneratedBody_lacksARequiredField_soThatNoneCanBeWritten() {
    var post = RoleMatrix.operations(DOCUMENT).get(0);
    var described =
        DOCUMENT.getJsonObject("paths").getJsonObject("/api/v1/cities").getJsonObject("post");
    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      BadInput.Input input = BadInput.input(DOCUMENT, post, described, i);
      assertFalse(input.mayPass(), input.toString());
      assertEquals("api/v1/cities", input.path());
      if (input.headers().isEmpty() && input.body().startsWith("{")) {
        try {
          JsonObject body = RoleMatrixTest.read(input.body());
          assertFalse(body.containsKey("name") && body.containsKey("country"), "complete: " + body);
          kinds.add("body");
        } catch (RuntimeException notJson) {
          kinds.add("not json");
        }
      } else if (!input.headers().isEmpty()) {
        kinds.add(input.headers().keySet().iterator().next());
      }
    }
    assertTrue(kinds.containsAll(List.of("body", "Content-Type", "Accept")), kinds.toString());
  }

  @Test
  void aFreeTextQuery_mayPass_aTypedOneMayNot_andPathsTakeNoExistingId() {
    var get = RoleMatrix.operations(DOCUMENT).get(1);
    var described =
        DOCUMENT.getJsonObject("paths").getJsonObject("/api/v1/cities").getJsonObject("get");
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      BadInput.Input input = BadInput.input(DOCUMENT, get, described, i);
      if (input.path().contains("?")) {
        String[] parameter = input.path().substring(input.path().indexOf('?') + 1).split("=", 2);
        String value = java.net.URLDecoder.decode(parameter[1], StandardCharsets.UTF_8);
        names.add(parameter[0]);
        boolean expected = parameter[0].equals("name") || value.trim().isEmpty();
        assertEquals(expected, input.mayPass(), input.toString());
      }
    }
    assertEquals(Set.of("name", "page"), names);
    assertEquals("api/v1/cities/0", BadInput.path("/api/v1/cities/{id}", null));
    assertEquals("api/v1/cities/%00", BadInput.path("/api/v1/cities/{id}", "%00"));
  }
}
