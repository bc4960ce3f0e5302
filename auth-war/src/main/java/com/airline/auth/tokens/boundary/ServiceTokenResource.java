package com.airline.auth.tokens.boundary;

import com.airline.auth.tokens.control.ServiceClients;
import com.airline.auth.tokens.control.TokenIssuer;
import com.airline.chassis.token.AccessFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Tokens for services calling services (booking reserving seats in flights): group SERVICE, which
 * no user can hold. Clients and their secrets come from auth.service-clients.
 */
@Path("auth/service-tokens")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceTokenResource {

  @Inject ServiceClients clients;
  @Inject TokenIssuer tokens;

  @POST
  @PermitAll
  @APIResponse(responseCode = "401", description = "Unknown client or wrong secret")
  @Extension(name = "x-internal", value = "true", parseValue = true)
  public AccessToken issue(@NotNull @Valid ServiceTokenRequest body) {
    if (!clients.authenticate(body.clientId(), body.clientSecret())) {
      throw new NotAuthorizedException("Client id or secret is wrong.", "Bearer");
    }
    return AccessToken.from(
        tokens.issue("service:" + body.clientId(), body.clientId(), List.of(AccessFilter.SERVICE)));
  }
}
