package com.airline.chassis.grid;

import com.airline.chassis.problem.Problem;
import com.airline.chassis.requestid.RequestIds;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /ops/drain}: the first step of a rolling deploy ({@code ./airline deploy}). The
 * instance withdraws from the grid's directory, so that the gateway and the other services stop
 * choosing it, then answers once the requests it was serving are answered (at most 30 s). Only the
 * holder of AIRLINE_OPS_TOKEN may ask (the launcher, which generated it); without one the path does
 * not exist. The gateway never routes it (it routes /api/v1 only).
 */
@WebServlet("/ops/drain")
public class Drain extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(Drain.class.getName());
  static final Duration AT_MOST = Duration.ofSeconds(30);

  @Inject SelfRegistration registration;

  @Inject
  @ConfigProperty(name = "airline.ops-token")
  Optional<String> token;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (token.filter(t -> !t.isBlank()).isEmpty()) {
      refuse(request, response, 404, "No service serves " + request.getRequestURI() + ".");
      return;
    }
    if (!allowed(request.getHeader("Authorization"), token.get())) {
      refuse(request, response, 403, "Only the launcher may drain an instance.");
      return;
    }
    long start = System.nanoTime();
    registration.withdraw();
    // this request is one of those in flight
    int left;
    try {
      left = RequestIds.awaitOthers(1, AT_MOST);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      left = -1;
    }
    String drained =
        "out of the grid; "
            + left
            + " other request(s) in flight after "
            + (System.nanoTime() - start) / 1_000_000
            + " ms";
    LOG.info(drained);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write((drained + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static boolean allowed(String authorization, String token) {
    return authorization != null
        && MessageDigest.isEqual(
            authorization.getBytes(StandardCharsets.UTF_8),
            ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    Problem.of(status, detail, request.getRequestURI(), RequestIds.of(request)).writeTo(response);
  }
}
