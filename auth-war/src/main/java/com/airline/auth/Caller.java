package com.airline.auth;

import com.airline.chassis.token.TokenVerifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;

/**
 * Who calls, from the verified token. Endpoints open to every signed-in user use it instead of
 * {@code @RolesAllowed}, which cannot name the roles admins add later.
 */
@RequestScoped
public class Caller {

  @Inject TokenVerifier tokens;
  @Inject HttpServletRequest request;

  public String id() {
    return signedIn().subject();
  }

  public boolean hasRole(String role) {
    TokenVerifier.Caller caller = tokens.callerOf(request);
    return caller != null && caller.hasRole(role);
  }

  public void requireSignedIn() {
    signedIn();
  }

  private TokenVerifier.Caller signedIn() {
    TokenVerifier.Caller caller = tokens.callerOf(request);
    if (caller == null) {
      throw new NotAuthorizedException("A valid bearer token is required.", "Bearer");
    }
    return caller;
  }

  /** Passes for the user themself or a holder of one of the roles. */
  public void requireSelfOr(String userId, String... roles) {
    if (id().equals(userId)) {
      return;
    }
    for (String role : roles) {
      if (hasRole(role)) {
        return;
      }
    }
    throw new ForbiddenException(
        "Only the user themself or " + String.join(", ", roles) + " may do this.");
  }
}
