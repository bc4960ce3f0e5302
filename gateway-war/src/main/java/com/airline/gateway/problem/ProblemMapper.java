package com.airline.gateway.problem;

import com.airline.gateway.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The gateway's own errors as problem+json; what services answer passes through untouched. */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Exception exception) {
    int status = 500;
    String detail;
    if (exception instanceof WebApplicationException web) {
      status = web.getResponse().getStatus();
      detail =
          web.getMessage() == null || web.getMessage().startsWith("HTTP ")
              ? null
              : web.getMessage();
    } else {
      LOG.log(Level.SEVERE, "Request " + RequestIds.of(request) + " failed", exception);
      detail = "An unexpected error occurred; quote request id " + RequestIds.of(request) + ".";
    }
    return Problem.of(status, detail, request.getRequestURI(), RequestIds.of(request))
        .response()
        .build();
  }
}
