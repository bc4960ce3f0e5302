package com.airline.listener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The filter in a Grizzly chain shaped as Payara builds it behind the port unification of
 * pre-boot.asadmin (Grizzly's limits raised as there), with a handler that answers "ok: PATH".
 */
class MalformedRequestFilterTest {

  private static final String PROBLEM =
      "\\{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"[^\"]+\"%s,"
          + "\"requestId\":\"[0-9a-f-]{36}\"}";

  private static ExecutorService threads;
  private static TCPNIOTransport transport;
  private static int port;

  @BeforeAll
  static void start() throws IOException {
    threads = Executors.newCachedThreadPool();
    DelayedExecutor delayed = new DelayedExecutor(threads);
    delayed.start();
    var web =
        new org.glassfish.grizzly.http.server.HttpServerFilter(
            new ServerFilterConfiguration(), delayed);
    web.setHttpHandler(
        new HttpHandler() {
          @Override
          public void service(Request request, Response response) throws IOException {
            request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            response.getWriter().write("ok: " + request.getRequestURI());
          }
        });
    HttpPortUnification unification = new HttpPortUnification();
    FilterChain http =
        unification
            .getPUFilterChainBuilder()
            .add(
                new org.glassfish.grizzly.http.HttpServerFilter(
                    true, 131072, null, new KeepAlive(), delayed, 1000, 100))
            .add(web)
            .build();
    unification.register(new EveryConnection(), http);
    transport =
        TCPNIOTransportBuilder.newInstance()
            .setProcessor(
                FilterChainBuilder.stateless().add(new TransportFilter()).add(unification).build())
            .build();
    port = ((InetSocketAddress) transport.bind("127.0.0.1", 0).getLocalAddress()).getPort();
    transport.start();
  }

  @AfterAll
  static void stop() throws IOException {
    transport.shutdownNow();
    threads.shutdownNow();
  }

  @Test
  void wellFormedRequests_pass_andTheConnectionIsKept() throws IOException {
    String answer =
        exchange(
            "GET /a/%C3%A9 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
    assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
    assertTrue(answer.contains("ok: /a/%C3%A9"), answer);
    assertTrue(answer.contains("ok: /b"), answer);
  }

  @Test
  void brokenEscape_is400Problem_withoutInstance_andTheConnectionCloses() throws IOException {
    String answer = exchange("GET /api/%zz?x=1 HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\n");
    assertProblem(answer, 400, "Bad Request", "");
    assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
    assertFalse(answer.contains("ok: /next"), answer);
  }

  @Test
  void nulInThePath_is400Problem_withTheRawPath() throws IOException {
    String answer = exchange("GET /api/%00%00 HTTP/1.1\r\nHost: x\r\n\r\n");
    assertProblem(answer, 400, "Bad Request", ",\"instance\":\"/api/%00%00\"");
  }

  @Test
  void badTarget_withABody_is400Problem() throws IOException {
    String answer = exchange("POST /api/%zz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
    assertProblem(answer, 400, "Bad Request", "");
  }

  @Test
  void oversizedHeaderFields_are431Problem() throws IOException {
    String answer =
        exchange("GET /api HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(65536) + "\r\n\r\n");
    assertProblem(answer, 431, "Request Header Fields Too Large", ",\"instance\":\"/api\"");
  }

  @Test
  void headerFieldsJustUnderTheLimit_pass() throws IOException {
    String answer =
        exchange(
            "GET /api HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: "
                + "a".repeat(MalformedRequestFilter.MAX_HEADER_BYTES - 100)
                + "\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 200 OK"), answer);
  }

  @Test
  void tooManyHeaderFields_are431Problem() throws IOException {
    StringBuilder request = new StringBuilder("GET /api HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 150; i++) {
      request.append("X-").append(i).append(": ").append(i).append("\r\n");
    }
    assertProblem(
        exchange(request.append("\r\n").toString()),
        431,
        "Request Header Fields Too Large",
        ",\"instance\":\"/api\"");
  }

  @Test
  void trace_is405Problem_withAllow_andEchoesNothing() throws IOException {
    String answer =
        exchange("TRACE /api HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer secret\r\n\r\n");
    assertProblem(answer, 405, "Method Not Allowed", ",\"instance\":\"/api\"");
    assertTrue(answer.contains("\r\nAllow: " + MalformedRequestFilter.ALLOWED + "\r\n"), answer);
    assertFalse(answer.contains("secret"), answer);
  }

  private static void assertProblem(String answer, int status, String title, String instance) {
    assertTrue(answer.startsWith("HTTP/1.1 " + status + " " + title + "\r\n"), answer);
    assertTrue(answer.contains("\r\nContent-Type: application/problem+json\r\n"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertTrue(
        body.matches(String.format(PROBLEM, title, status, instance.replace("+", "\\+"))), body);
    String id = body.replaceAll(".*\"requestId\":\"([^\"]+)\".*", "$1");
    assertTrue(answer.contains("\r\nX-Request-ID: " + id + "\r\n"), answer);
  }

  /** Sends the bytes and reads until the server closes the connection. */
  private static String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      assertEquals(-1, in.read());
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
