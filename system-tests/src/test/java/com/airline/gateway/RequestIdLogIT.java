package com.airline.gateway;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A request id given at the gateway shows up on the lines a service logs for that request. */
class RequestIdLogIT {

  static Http gateway;

  @BeforeAll
  static void start() {
    Airline.start("auth");
    gateway = Http.to(Airline.start("gateway"));
  }

  @Test
  void requestIdFromTheGateway_prefixesTheServicesLogLines() throws Exception {
    String id = "log-" + Airline.RUN + "-" + System.nanoTime();
    Http.Reply refused =
        gateway
            .with("X-Request-ID", id)
            .post(
                "/api/v1/auth/signin",
                json("email", TestUsers.uniqueEmail("nobody"), "password", "wrong-pw"));
    assertEquals(401, refused.status(), refused.body());

    // auth logs a refused sign-in without naming the request: the id comes from the filter
    Path log = Airline.logs().resolve("auth-1.log");
    String expected = "[requestId=" + id + "] Sign-in refused";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains(expected)) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("'" + expected + "' is not in " + log);
      }
      Thread.sleep(200);
    }
  }
}
