package com.airline.gateway.proxy;

import com.airline.chassis.problem.Problem;
import com.airline.chassis.requestid.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * Paths under /api that no service serves (the {@link ProxyFilter} passes on the others): a 404
 * problem for the methods the gateway passes on, 405 for the rest. One method a verb: a JAX-RS
 * method carries one.
 */
@Path("{path: .*}")
@ApplicationScoped
public class Unrouted {

  @GET
  public Response get(@Context HttpServletRequest request) {
    return notFound(request);
  }

  @DELETE
  public Response delete(@Context HttpServletRequest request) {
    return notFound(request);
  }

  @OPTIONS
  public Response options(@Context HttpServletRequest request) {
    return notFound(request);
  }

  @POST
  public Response post(@Context HttpServletRequest request) {
    return notFound(request);
  }

  @PUT
  public Response put(@Context HttpServletRequest request) {
    return notFound(request);
  }

  @PATCH
  public Response patch(@Context HttpServletRequest request) {
    return notFound(request);
  }

  private static Response notFound(HttpServletRequest request) {
    String path = request.getRequestURI();
    return Problem.of(404, "No service serves " + path + ".", path, RequestIds.of(request))
        .response()
        .build();
  }
}
