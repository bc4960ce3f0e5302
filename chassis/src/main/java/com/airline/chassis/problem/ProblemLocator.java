package com.airline.chassis.problem;

import com.airline.chassis.requestid.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A problem built where the request is not at hand (Problem.invalid, a WebApplicationException
 * carrying its problem) gets the request's path and id: Jersey sends such an exception's response
 * as it is, past the {@link ProblemMapper}.
 */
@Provider
public class ProblemLocator implements ContainerResponseFilter {

  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext requestContext, ContainerResponseContext response) {
    if (response.getEntity() instanceof Problem problem && problem.instance() == null) {
      response.setEntity(problem.at(request.getRequestURI(), RequestIds.of(request)));
    }
  }
}
