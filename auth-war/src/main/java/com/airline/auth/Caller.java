package com.airline.auth;

import com.airline.auth.tokens.control.ServiceClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls, from the verified token. Endpoints open to every signed-in user use it instead of
 * {@code @RolesAllowed}, which cannot name the roles admins add later.
 */
@RequestScoped
public class Caller {

  @Inject JsonWebToken jwt;

  public String id() {
    requireSignedIn();
    return jwt.getSubject();
  }

  public boolean hasRole(String role) {
    return jwt.getGroups() != null && jwt.getGroups().contains(role);
  }

  /** A user's token: a SERVICE token names no user and is for seat reservations only. */
  public void requireSignedIn() {
    if (jwt.getSubject() == null) {
      throw new NotAuthorizedException("A valid bearer token is required.", "Bearer");
    }
    if (hasRole(ServiceClients.ROLE)) {
      throw new ForbiddenException("A service token is for seat reservations only.");
    }
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
