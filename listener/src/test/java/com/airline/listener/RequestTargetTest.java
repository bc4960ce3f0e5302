package com.airline.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.memory.Buffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {

  private static DataChunk bytes(String path) {
    DataChunk chunk = DataChunk.newInstance();
    chunk.setBytes(path.getBytes(StandardCharsets.ISO_8859_1));
    return chunk;
  }

  /** As the codec hands it over: a slice of the connection's buffer. */
  private static DataChunk buffer(String path) {
    byte[] line = ("GET " + path + " HTTP/1.1").getBytes(StandardCharsets.ISO_8859_1);
    DataChunk chunk = DataChunk.newInstance();
    chunk.setBuffer(Buffers.wrap(null, line), 4, 4 + path.length());
    return chunk;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/flights",
        "/api/v1/flights/1",
        "/api/v1/airports/%4C%48%52",
        "/api/v1/cities/S%C3%A3o%20Paulo",
        "/api/v1/flights/a+b",
        "/.well-known/jwks.json",
        "/api//v1/flights",
        "*",
      })
  void defect_whenTheContainerTakesThePath_isNull(String path) {
    assertNull(RequestTarget.defect(bytes(path)), path);
    assertNull(RequestTarget.defect(buffer(path)), path);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/bookings/%zz, percent-encoded",
    "/api/v1/flights/%, percent-encoded",
    "/api/v1/flights/%2, percent-encoded",
    "/api/v1/flights/%G0, percent-encoded",
    "/api/v1/bookings/%00%00, valid path",
    "/api/v1/flights/%C0%AF, valid path",
    "/api/v1/flights/%E2%82, valid path",
    "/api/v1/flights/%FF, valid path",
    "/api/v1/flights/a%5Cb, valid path",
    "/api/v1/flights/a\\b, valid path",
    "/../etc, valid path",
    "/api/v1/../../../etc, valid path",
    "/api/%2e%2e/%2e%2e/%2e%2e/etc, valid path",
    "/api/v1/flights/a%2Fb, dot segment",
    "/api/v1/flights/%2E1, dot segment",
    "/api/v1/flights/./1, dot segment",
    "/api/v1/flights/../airports, dot segment",
    "/api/v1/flights/..%2f..%2f..%2fhealth, dot segment",
    "/api/v1/flights/.., dot segment",
  })
  void defect_whenAnEscapeIsBrokenOrThePathDecodesToSomethingNotAllowed_saysWhich(
      String path, String says) {
    assertTrue(RequestTarget.defect(bytes(path)).contains(says), path);
    assertTrue(RequestTarget.defect(buffer(path)).contains(says), path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"api/v1/flights", "%2Fapi"})
  void defect_whenNotStartingWithASlash_saysSo(String path) {
    String defect = RequestTarget.defect(bytes(path));
    assertNotNull(defect);
    assertTrue(defect.contains(path.startsWith("%2F") ? "encoded slash" : "starts with /"), defect);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/v1/bookings/%00%00", "/api/v1/flights/%C0%AF", "/a'b(c)@d:e", "/%41"})
  void quotable_wellFormedPaths_areQuotedAsSent(String path) {
    assertEquals(path, RequestTarget.quotable(buffer(path)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/bookings/%zz",
        "/a%",
        "/a%4",
        "/a\"b",
        "/a\\b",
        "/a<b>",
        "api",
        "/\u00e9",
        "/\u0660"
      })
  void quotable_otherPaths_areNot(String path) {
    assertNull(RequestTarget.quotable(bytes(path)));
  }

  @Test
  void quotable_aVeryLongPath_isNot() {
    assertNull(RequestTarget.quotable(bytes("/" + "a".repeat(3000))));
  }
}
