package com.airline.chassis.problem;

import com.airline.chassis.requestid.RequestIds;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception becomes a problem+json answer; only real faults are 500s, and they are logged.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Exception exception) {
    if (exception instanceof WebApplicationException web) {
      return fromWebApplication(web);
    }
    if (causedBy(exception, SQLIntegrityConstraintViolationException.class)
        || concurrentlyChanged(exception)) {
      // a concurrent write won a race that the checks before it could not see
      return problem(409, "The request conflicts with the current state of the data.").build();
    }
    if (causedBy(exception, JsonbException.class)) {
      return problem(400, "The request body is not valid JSON of the expected shape.").build();
    }
    String requestId = RequestIds.of(request);
    if (databaseUnreachable(exception)) {
      // the database stopped or restarted (pooled connections lost, none to be had): the
      // service is unavailable until it is back, a 503 the client may try again after
      LOG.warning(
          () -> "Request " + requestId + ": the database cannot be reached: " + root(exception));
      return problem(503, "The database cannot be reached. Try again shortly.")
          .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "Request " + requestId + " failed", exception);
    return problem(500, "An unexpected error occurred; quote request id " + requestId + ".")
        .build();
  }

  private Response fromWebApplication(WebApplicationException web) {
    Response original = web.getResponse();
    if (original.getStatus() >= 500) {
      // a fault of ours or of a service we called, whatever raised it: never a silent 5xx (the
      // stack only when something caused it)
      LOG.log(
          Level.WARNING,
          "Request " + RequestIds.of(request) + " answered " + original.getStatus() + ": " + web,
          web.getCause());
    }
    if (original.getStatus() == 404 && web.getCause() != null) {
      // JAX-RS answers 404 when a query or path parameter does not convert: that is bad input.
      return problem(400, "A query or path parameter has the wrong format.").build();
    }
    if (causedBy(web, JsonbException.class)) {
      return problem(400, "The request body is not valid JSON of the expected shape.").build();
    }
    Response.ResponseBuilder builder =
        original.getEntity() instanceof Problem given
            ? given.at(request.getRequestURI(), RequestIds.of(request)).response()
            : problem(original.getStatus(), detail(web));
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  private static String detail(WebApplicationException web) {
    String message = web.getMessage();
    // Jersey's own messages ("HTTP 405 Method Not Allowed") repeat the title and say nothing more.
    return message == null || message.startsWith("HTTP ") ? null : message;
  }

  private Response.ResponseBuilder problem(int status, String detail) {
    return Problem.of(status, detail, request.getRequestURI(), RequestIds.of(request)).response();
  }

  /**
   * A row changed by another request between this one's read and its write (JPA's version check, at
   * flush or commit, wrapped in the transaction's exceptions).
   */
  private static boolean concurrentlyChanged(Throwable throwable) {
    return causedBy(throwable, t -> t.getClass().getSimpleName().equals("OptimisticLockException"));
  }

  /**
   * No connection to the database: a JDBC connection exception (SQLSTATE class 08, or the driver's
   * connection exception types), or the server's connection pool failing to give one
   * (jakarta.resource exceptions, named so that the chassis needs no Connector API).
   */
  static boolean databaseUnreachable(Throwable throwable) {
    return causedBy(
        throwable,
        t ->
            (t instanceof SQLException sql
                    && (sql instanceof SQLTransientConnectionException
                        || sql instanceof SQLNonTransientConnectionException
                        || sql instanceof SQLRecoverableException
                        || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))))
                || t.getClass().getName().startsWith("jakarta.resource."));
  }

  private static Throwable root(Throwable throwable) {
    Throwable root = throwable;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static boolean causedBy(Throwable throwable, Class<? extends Throwable> type) {
    return causedBy(throwable, type::isInstance);
  }

  private static boolean causedBy(Throwable throwable, Predicate<Throwable> test) {
    for (Throwable t = throwable; t != null; t = t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }
}
