package com.airline.gateway.proxy;

import com.airline.chassis.problem.Problem;
import com.airline.chassis.requestid.RequestIds;
import com.airline.gateway.access.AccessLog;
import com.airline.gateway.access.TrafficMetrics;
import com.airline.gateway.edge.Door;
import com.airline.gateway.routing.Route;
import com.airline.gateway.routing.Routes;
import com.airline.gateway.routing.Upstream;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every request under a service's prefix goes to that service, from the last filter, without
 * JAX-RS: an asynchronous request whose answer is written straight to the response ({@link
 * Answer}). JAX-RS keeps the rest: the API document, its page, and the 404 problem for paths no
 * service serves ({@link Unrouted}).
 */
public class ProxyFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(ProxyFilter.class.getName());

  /** The methods passed on; others go on to JAX-RS, where no resource takes them. */
  static final Set<String> FORWARDED =
      Set.of("GET", "HEAD", "OPTIONS", "DELETE", "POST", "PUT", "PATCH");

  /** The methods whose body is passed on. */
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @Inject Routes routes;
  @Inject Forwarder forwarder;
  @Inject Door door;
  @Inject TrafficMetrics metrics;
  @Inject ResponseCache cache;

  @Inject
  @ConfigProperty(name = "gateway.proxy.max-body-bytes")
  int maxBodyBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Route route =
        FORWARDED.contains(request.getMethod()) ? routes.match(request).orElse(null) : null;
    if (route == null) {
      chain.doFilter(request, response);
      return;
    }
    Answer answer = new Answer(request, response);
    try {
      forward(
          request,
          route,
          WITH_BODY.contains(request.getMethod()) ? request.getInputStream() : null,
          answer);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Request " + RequestIds.of(request) + " failed", e);
      answer.resume(problem(request, 500, "The gateway failed to pass the request on."));
    }
  }

  private void forward(HttpServletRequest request, Route route, InputStream body, Answer response) {
    request.setAttribute(AccessLog.ROUTE, route.prefix());
    Response refused = door.refusal(request);
    if (refused != null) {
      response.resume(refused);
      return;
    }
    Response kept = cache.answer(request, route.service());
    if (kept != null) {
      request.setAttribute(AccessLog.UPSTREAM, "cache");
      response.resume(kept);
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      // refused before reading it; a body without a length is counted as it is passed on
      response.resume(tooLarge(request));
      return;
    }
    long length = request.getContentLengthLong();
    StreamedBody streamed =
        body != null
                && (length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null))
            ? new StreamedBody(request.getContentType(), length)
            : null;
    send(request, route.upstream(), null, streamed, response);
    if (streamed != null) {
      try {
        streamed.pump(body, maxBodyBytes);
      } catch (StreamedBody.TooLargeException e) {
        response.resume(tooLarge(request));
      } catch (IOException e) {
        streamed.cancel();
        response.resume(problem(request, 400, "The request body could not be read."));
      }
    }
  }

  private Response tooLarge(HttpServletRequest request) {
    return problem(request, 413, "The request body is larger than " + maxBodyBytes + " bytes.");
  }

  /**
   * To the next instance in turn; once more to another one when the request never reached the
   * instance (so any method may go again), or when a safe request without a body lost its answer
   * (the instance closed the connection after taking it: it died, or was killed, while at it).
   */
  private void send(
      HttpServletRequest request,
      Upstream upstream,
      Upstream.Target refused,
      StreamedBody body,
      Answer response) {
    send(request, upstream, refused, null, body, response);
  }

  /** The same, to the target given if any (a second try on a fresh connection). */
  private void send(
      HttpServletRequest request,
      Upstream upstream,
      Upstream.Target refused,
      Upstream.Target again,
      StreamedBody body,
      Answer response) {
    Upstream.Target target = again != null ? again : upstream.pick(refused);
    if (target == null) {
      if (body != null) {
        body.abandon();
      }
      metrics.upstreamFailure(upstream.service(), refused != null ? "unavailable" : "open");
      response.resume(
          refused != null
              ? problem(request, 503, "The " + upstream.service() + " service is unavailable.")
              : circuitOpen(request, upstream));
      return;
    }
    request.setAttribute(AccessLog.UPSTREAM, target.url());
    long generation = cache.generation(upstream.service());
    forwarder
        .forward(upstream, target.url(), request, body)
        .whenComplete(
            (answer, failure) -> {
              if (body != null && body.abandoned() && failure != null) {
                return; // the client's body was refused: the client has its answer
              }
              if (failure == null) {
                if (body != null) {
                  body.abandon();
                }
                target.succeeded();
                cache.store(request, upstream.service(), generation, answer);
                response.resume(answer);
                return;
              }
              Throwable cause = unwrap(failure);
              if (again == null && cause instanceof RequestNotExecutedException) {
                // a kept-alive connection the instance closed as this request took it (seen under
                // ./airline verify's bad input: 503 with one flights instance); nothing was sent,
                // and the instance may be fine: once more to it, on a new connection
                LOG.fine(
                    () -> "Request " + RequestIds.of(request) + " to " + target + ": " + cause);
                send(request, upstream, refused, target, body, response);
                return;
              }
              target.failed();
              LOG.warning(
                  () ->
                      "Request " + RequestIds.of(request) + " to " + target + " failed: " + cause);
              if (refused == null
                  && (neverReached(cause) || (body == null && safe(request) && lost(cause)))) {
                send(request, upstream, target, body, response);
              } else {
                if (body != null) {
                  body.abandon();
                }
                metrics.upstreamFailure(
                    upstream.service(), noAnswerInTime(cause) ? "timeout" : "unavailable");
                response.resume(unavailable(request, upstream, cause));
              }
            });
  }

  /**
   * The request never reached the instance: the connection was refused, or a kept-alive one turned
   * out closed before anything was sent (an instance that died or restarted since).
   */
  private static boolean neverReached(Throwable cause) {
    return cause instanceof ConnectException || cause instanceof RequestNotExecutedException;
  }

  /**
   * Sent, then the connection closed or reset with no answer. Not a read timeout: an instance that
   * is slow would only be made busier.
   */
  private static boolean lost(Throwable cause) {
    return cause instanceof ConnectionClosedException
        || cause instanceof NoHttpResponseException
        || (cause instanceof SocketException && !(cause instanceof ConnectException));
  }

  /**
   * A method that changes nothing (RFC 9110 9.2.1): going again to another instance is harmless.
   */
  private static boolean safe(HttpServletRequest request) {
    String method = request.getMethod();
    return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static Response unavailable(
      HttpServletRequest request, Upstream upstream, Throwable cause) {
    // connected, then no answer in time: 504; refused or no connection in time: 503
    if (noAnswerInTime(cause)) {
      return problem(
          request, 504, "The " + upstream.service() + " service did not answer in time.");
    }
    return problem(request, 503, "The " + upstream.service() + " service is unavailable.");
  }

  /**
   * Connected, then no answer within the read timeout. HttpClient's ConnectTimeoutException (no
   * connection in time) is a SocketTimeoutException too.
   */
  private static boolean noAnswerInTime(Throwable cause) {
    return cause instanceof SocketTimeoutException && !(cause instanceof ConnectTimeoutException);
  }

  private static Response circuitOpen(HttpServletRequest request, Upstream upstream) {
    long seconds = Math.max(1, upstream.skipFor().toSeconds());
    return Response.fromResponse(
            problem(
                request,
                503,
                "The "
                    + upstream.service()
                    + " service is unavailable: it failed repeatedly and is not tried for"
                    + " a while.")) // the circuit breaker is open
        .header("Retry-After", seconds)
        .build();
  }

  private static Response problem(HttpServletRequest request, int status, String detail) {
    return Problem.of(status, detail, request.getRequestURI(), RequestIds.of(request))
        .response()
        .build();
  }
}
