package com.airline.gateway.edge;

import com.airline.chassis.problem.Problem;
import com.airline.chassis.requestid.RequestIds;
import com.airline.chassis.token.TokenVerifier;
import com.airline.gateway.routing.Routes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** The checks at the door, before any service is called: a valid token, ADMIN where needed. */
@ApplicationScoped
public class Door {

  @Inject EdgeRules edge;
  @Inject TokenVerifier tokens;

  /** Null when the request may pass; a 401 or 403 problem when it may not. */
  public Response refusal(HttpServletRequest request) {
    String method = request.getMethod();
    String canonical = Routes.canonicalOf(request);
    if (edge.isPublic(method, canonical)) {
      return null;
    }
    try {
      TokenVerifier.Caller caller = tokens.callerOf(request);
      if (caller == null) {
        return unauthorized(request, "A bearer token is required (checked at the gateway).");
      }
      if (edge.needsAdmin(method, canonical) && !caller.groups().contains("ADMIN")) {
        return problem(
            request, 403, "Only ADMIN may change the catalogue (checked at the gateway).");
      }
      return null;
    } catch (TokenVerifier.InvalidTokenException e) {
      return unauthorized(
          request, e.getMessage().replaceAll("\\.$", "") + " (checked at the gateway).");
    }
  }

  private static Response unauthorized(HttpServletRequest request, String detail) {
    return Response.fromResponse(problem(request, 401, detail))
        .header("WWW-Authenticate", "Bearer")
        .build();
  }

  private static Response problem(HttpServletRequest request, int status, String detail) {
    return Problem.of(status, detail, request.getRequestURI(), RequestIds.of(request))
        .response()
        .build();
  }
}
