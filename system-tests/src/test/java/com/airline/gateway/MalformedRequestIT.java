package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests Payara's web container cannot take (a request target that does not decode, oversized
 * header fields) get the platform's problem+json from every instance's HTTP listener, at the
 * gateway and directly at each service: before the fix they got a bare "400 Invalid URI", a "200
 * OK" with no body, or a bare 400. Raw sockets, since HTTP clients refuse to send such requests.
 */
class MalformedRequestIT {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String BIG_VALUE = "a".repeat(64 * 1024);

  @BeforeAll
  static void start() {
    Airline.start("auth", "flights", "booking", "reminder", "gateway");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "gateway, /api/v1/bookings/%00%00",
    "gateway, /api/v1/flights/%00",
    "gateway, /api/v1/flights/%C0%AF",
    "gateway, /api/v1/flights/a%5Cb",
    "gateway, /api/v1/../../../etc",
    "gateway, /api/v1/flights/..%2f..%2f..%2fhealth",
    "gateway, /api/v1/flights/%2e%2e/%2e%2e/api/v1/users",
    "flights, /api/v1/flights/./1",
    "auth, /api/v1/users/%00",
    "flights, /api/v1/flights/%00",
    "flights, /api/v1/flights/%C0%AF",
    "booking, /api/v1/bookings/%00%00",
    "reminder, /api/v1/reminders/%E2%82",
  })
  void targetThatDecodesBadly_is400Problem_withItsPath(String service, String path)
      throws IOException {
    Reply reply = send(service, "GET " + path + "?size=1 HTTP/1.1");
    JsonObject problem = assertProblem(400, "Bad Request", reply);
    assertEquals(path, problem.getString("instance"), reply.body);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "gateway, /api/v1/bookings/%zz",
    "gateway, /api/v1/flights/%zz",
    "gateway, /api/v1/flights/%",
    "auth, /api/v1/users/%zz",
    "flights, /api/v1/flights/%zz",
    "booking, /api/v1/bookings/%zz",
    "reminder, /api/v1/reminders/%2",
  })
  void targetThatIsNotPercentEncoded_is400Problem_withoutInstance(String service, String path)
      throws IOException {
    Reply reply = send(service, "GET " + path + " HTTP/1.1");
    JsonObject problem = assertProblem(400, "Bad Request", reply);
    assertFalse(problem.containsKey("instance"), reply.body);
  }

  @Test
  void badTarget_onAPostWithABody_is400Problem() throws IOException {
    Reply reply =
        send(
            "gateway",
            "POST /api/v1/bookings/%zz HTTP/1.1",
            "Content-Type: application/json",
            "Content-Length: 2",
            "",
            "{}");
    assertProblem(400, "Bad Request", reply);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gateway", "auth", "flights", "booking", "reminder"})
  void oversizedHeaderFields_are431Problem(String service) throws IOException {
    Reply reply = send(service, "GET /api/v1/flights HTTP/1.1", "X-Big: " + BIG_VALUE);
    JsonObject problem = assertProblem(431, "Request Header Fields Too Large", reply);
    assertEquals("/api/v1/flights", problem.getString("instance"), reply.body);
  }

  @Test
  void tooManyHeaderFields_are431Problem() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("GET /api/v1/airports HTTP/1.1");
    for (int i = 0; i < 150; i++) {
      lines.add("X-Field-" + i + ": " + i);
    }
    assertProblem(431, "Request Header Fields Too Large", send("gateway", lines));
  }

  @Test
  void wellFormedRequests_stillReachTheApplication() throws IOException {
    Reply encoded = send("flights", "GET /api/v1/airports/%4C%48%52 HTTP/1.1");
    assertNotEquals(400, encoded.status, encoded.body);
    assertTrue(encoded.headers.containsKey("x-request-id"), encoded.headers.toString());

    Reply bigButAllowed =
        send("gateway", "GET /api/v1/airports?size=1 HTTP/1.1", "X-Some: " + "b".repeat(6000));
    assertEquals(200, bigButAllowed.status, bigButAllowed.body);
  }

  /** The container answered TRACE itself: a bare 405 with no body, before any filter. */
  @ParameterizedTest
  @ValueSource(strings = {"gateway", "booking"})
  void trace_is405Problem_sayingWhatIsAllowed(String service) throws IOException {
    Reply reply = send(service, "TRACE /api/v1/bookings HTTP/1.1", "Authorization: Bearer secret");
    assertProblem(405, "Method Not Allowed", reply);
    assertTrue(reply.headers.get("allow").contains("GET"), reply.headers.toString());
    assertFalse(reply.body.contains("secret"), reply.body);
  }

  /** A method the path's servlet does not implement: Payara's default servlet answered HTML. */
  @ParameterizedTest
  @ValueSource(strings = {"gateway", "flights"})
  void aMethodNothingImplements_is501Problem(String service) throws IOException {
    assertProblem(
        501, "Not Implemented", send(service, "PATCH /nothing-here HTTP/1.1", "Content-Length: 0"));
  }

  private static JsonObject assertProblem(int status, String title, Reply reply) {
    assertEquals(status, reply.status, reply.head + reply.body);
    assertEquals(
        "application/problem+json", reply.headers.get("content-type"), reply.headers.toString());
    String id = reply.headers.get("x-request-id");
    assertTrue(id != null && id.matches(UUID), "X-Request-ID: " + id);
    JsonObject problem = Json.createReader(new StringReader(reply.body)).readObject();
    assertEquals("about:blank", problem.getString("type"), reply.body);
    assertEquals(title, problem.getString("title"), reply.body);
    assertEquals(status, problem.getInt("status"), reply.body);
    assertFalse(problem.getString("detail").isBlank(), reply.body);
    assertEquals(id, problem.getString("requestId"), reply.body);
    return problem;
  }

  private static Reply send(String service, String... lines) throws IOException {
    return send(service, List.of(lines));
  }

  /**
   * Sends the request line and header lines as they are (a line "" ends the header, what follows is
   * the body) and reads the whole answer: the request asks the server to close the connection.
   */
  private static Reply send(String service, List<String> lines) throws IOException {
    StringBuilder request = new StringBuilder(lines.get(0)).append("\r\n");
    request.append("Host: 127.0.0.1\r\nConnection: close\r\n");
    int body = lines.indexOf("");
    for (String line : lines.subList(1, body < 0 ? lines.size() : body)) {
      request.append(line).append("\r\n");
    }
    request.append("\r\n");
    if (body >= 0) {
      request.append(String.join("\r\n", lines.subList(body + 1, lines.size())));
    }
    int port = Airline.url(service).getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return Reply.parse(readAll(socket.getInputStream()));
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private record Reply(int status, String head, Map<String, String> headers, String body) {

    static Reply parse(String raw) {
      int end = raw.indexOf("\r\n\r\n");
      if (end < 0) {
        throw new AssertionError("No complete answer: [" + raw + "]");
      }
      String head = raw.substring(0, end);
      String[] lines = head.split("\r\n");
      Map<String, String> headers = new TreeMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      return new Reply(status, head, headers, raw.substring(end + 4));
    }
  }
}
