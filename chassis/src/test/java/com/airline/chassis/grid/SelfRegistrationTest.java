package com.airline.chassis.grid;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SelfRegistrationTest {

  /** Answers 404 at every path, as problem+json or as the HTML page Payara answers before. */
  static HttpServer notFound(String contentType) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  static URI url(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void serves_whenTheApplicationAnswersWithAProblem_notPayaraWithItsOwnPage() throws Exception {
    HttpServer application = notFound("application/problem+json");
    HttpServer deploying = notFound("text/html;charset=ISO-8859-1");
    try {
      assertTrue(SelfRegistration.serves(url(application)));
      assertFalse(SelfRegistration.serves(url(deploying)));
    } finally {
      application.stop(0);
      deploying.stop(0);
    }
  }

  @Test
  void serves_notWhenNothingListens() throws Exception {
    HttpServer gone = notFound("application/problem+json");
    URI url = url(gone);
    gone.stop(0);
    assertFalse(SelfRegistration.serves(url));
  }
}
