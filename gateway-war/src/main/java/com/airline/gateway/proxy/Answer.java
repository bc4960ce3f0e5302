package com.airline.gateway.proxy;

import com.airline.chassis.problem.Problem;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one answer to a forwarded request, written to the servlet response once, from whichever
 * thread has it first (the request's, or the HTTP client's when the service answers), and the
 * request then completed. Entities are bytes (a service's answer, a kept one) or a {@link Problem}.
 */
final class Answer {

  private static final Logger LOG = Logger.getLogger(Answer.class.getName());

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AsyncContext async;
  private final AtomicBoolean given = new AtomicBoolean();

  Answer(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
    this.async = request.startAsync(request, response);
    async.setTimeout(0); // the HTTP client's timeouts end every exchange
  }

  /** Writes the answer unless one was given already; later ones are dropped. */
  void resume(Response answer) {
    if (!given.compareAndSet(false, true)) {
      return;
    }
    try {
      write(answer);
    } catch (IOException | RuntimeException e) {
      // the client went away, or the answer could not be written: nothing left to tell it
      LOG.log(Level.FINE, "Answer to " + request.getRequestURI() + " not written", e);
    } finally {
      async.complete();
    }
  }

  private void write(Response answer) throws IOException {
    response.setStatus(answer.getStatus());
    for (Map.Entry<String, List<String>> header : answer.getStringHeaders().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Length")) {
        // a HEAD answer's says what a GET would have; set, not added, so that it stays one
        response.setContentLengthLong(Long.parseLong(header.getValue().get(0)));
        continue;
      }
      for (String value : header.getValue()) {
        response.addHeader(header.getKey(), value);
      }
    }
    Object entity = answer.getEntity();
    if (entity instanceof Problem problem) {
      problem.writeTo(response);
    } else if (entity instanceof byte[] body && !"HEAD".equals(request.getMethod())) {
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
