package com.airline.chassis.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResourceMethodsTest {

  @Test
  void join_makesOnePath_withTemplatesWithoutTheirExpressions() {
    assertEquals("/api/v1/users/{id}", ResourceMethods.join("api/v1", "/users/", "{id}"));
    assertEquals(
        "/api/v1/flights/{id}/seats",
        ResourceMethods.join("/api/v1/", "flights/{ id : [0-9]{1,9} }", "seats"));
    assertEquals("/{path}", ResourceMethods.join("", "{path: .*}", ""));
    assertEquals("/", ResourceMethods.join("", "/", ""));
  }
}
