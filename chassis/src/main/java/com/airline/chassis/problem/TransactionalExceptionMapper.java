package com.airline.chassis.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed around a method (a REQUIRES_NEW commit that lost a version check, say)
 * answers what its cause answers through {@link ProblemMapper}. Without this mapper Jersey's own
 * one for {@link TransactionalException} wins and rethrows it unless the method threw a
 * WebApplicationException, and the client gets a 500.
 */
@Provider
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(TransactionalException exception) {
    ProblemMapper problems = new ProblemMapper();
    problems.request = request;
    return problems.toResponse(exception.getCause() instanceof Exception cause ? cause : exception);
  }
}
