package com.airline.auth.tokens.boundary;

import com.airline.auth.tokens.control.SigningKeys;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("auth/jwks")
@RequestScoped
@DenyAll
public class JwksResource {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject SigningKeys signingKeys;

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject keySet() {
    var keys = JSON.createArrayBuilder();
    signingKeys.published().forEach(keys::add);
    return JSON.createObjectBuilder().add("keys", keys).build();
  }
}
