package com.airline.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void json_hasTheServicesShape() {
    assertEquals(
        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Bad"
            + " \\\"x\\\"\",\"instance\":\"/a\",\"requestId\":\"id-1\"}",
        new String(
            Problem.json(HttpStatus.BAD_REQUEST_400, "Bad \"x\"", "/a", "id-1"),
            StandardCharsets.UTF_8));
  }

  @Test
  void json_withoutInstance_leavesItOut() {
    assertEquals(
        "{\"type\":\"about:blank\",\"title\":\"Request Header Fields Too Large\",\"status\":431,"
            + "\"detail\":\"d\",\"requestId\":\"id-2\"}",
        new String(
            Problem.json(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "d", null, "id-2"),
            StandardCharsets.UTF_8));
  }
}
