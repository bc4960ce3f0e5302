package com.airline.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A service instance that never accepts a connection (a black hole: packets go unanswered) must
 * cost a client the gateway's connect timeout, not a hanging request. Airline's "blackhole" route
 * leads to {@link Airline#BLACK_HOLE_PORT} with a connect timeout of {@link
 * Airline#BLACK_HOLE_CONNECT_TIMEOUT}, its read timeout the default 30 s.
 */
class ConnectTimeoutIT {

  @Test
  void anInstanceThatNeverAccepts_503ProblemAfterTheConnectTimeout() throws Exception {
    Http auth = Http.to(Airline.start("auth"));
    Http gateway = Http.to(Airline.start("gateway")).as(TestUsers.signUp(auth).token());
    List<Socket> queued = new ArrayList<>();
    // Listening, never accepting, a backlog of one: once its queue is full, Linux drops further
    // connection attempts without an answer, as a black hole does.
    try (ServerSocket hole =
        new ServerSocket(Airline.BLACK_HOLE_PORT, 1, InetAddress.getLoopbackAddress())) {
      fill(hole, queued);
      double failures = unavailable();

      long started = System.nanoTime();
      Http.Reply reply = gateway.get("/api/v1/blackhole/anything");
      long ms = (System.nanoTime() - started) / 1_000_000;

      assertEquals(503, reply.status(), reply.body());
      assertEquals("application/problem+json", reply.contentType().split(";")[0]);
      assertEquals("The blackhole service is unavailable.", reply.json().getString("detail"));
      long timeout = Airline.BLACK_HOLE_CONNECT_TIMEOUT.toMillis();
      // not sooner (the service's own timeout, not the default 2 s), and not hanging (30 s)
      assertTrue(
          ms >= timeout - 100 && ms < timeout + 2_000,
          "answered after " + ms + " ms, the connect timeout is " + timeout + " ms");
      assertEquals(failures + 1, unavailable(), "counted as unavailable, not as a read timeout");
    } finally {
      for (Socket socket : queued) {
        socket.close();
      }
    }
  }

  /** gateway_upstream_failures_total of the black hole, kind "unavailable". */
  private static double unavailable() {
    return Http.to(Airline.url("gateway"))
        .get("/metrics")
        .body()
        .lines()
        .filter(l -> l.startsWith("gateway_upstream_failures_total{"))
        .filter(l -> l.contains("service=\"blackhole\"") && l.contains("kind=\"unavailable\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Connects until a connection attempt goes unanswered: the accept queue is full. */
  private static void fill(ServerSocket hole, List<Socket> queued) throws IOException {
    for (int i = 0; i < 20; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(hole.getInetAddress(), hole.getLocalPort()), 500);
        queued.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        return;
      }
    }
    throw new AssertionError("the black hole kept accepting connections");
  }
}
