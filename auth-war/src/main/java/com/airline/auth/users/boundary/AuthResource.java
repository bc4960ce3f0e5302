package com.airline.auth.users.boundary;

import com.airline.auth.Caller;
import com.airline.auth.tokens.boundary.AccessToken;
import com.airline.auth.tokens.control.TokenIssuer;
import com.airline.auth.users.control.Accounts;
import com.airline.auth.users.control.Passwords;
import com.airline.auth.users.entity.User;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("auth")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(AuthResource.class.getName());

  @Inject Accounts accounts;
  @Inject Passwords passwords;
  @Inject TokenIssuer tokens;
  @Inject Caller caller;

  @PersistenceContext EntityManager em;

  @POST
  @Path("signup")
  @PermitAll
  @Transactional
  @Counted(name = "signups")
  @APIResponse(
      responseCode = "201",
      description = "The new user",
      content = @Content(schema = @Schema(ref = "UserProfile")))
  public Response signUp(@NotNull @Valid SignUpRequest body, @Context UriInfo uri) {
    User user = accounts.create(body.email(), body.name().trim(), passwords.hash(body.password()));
    return Response.created(uri.getBaseUriBuilder().path("users").path(user.getId()).build())
        .entity(UserProfile.from(user))
        .build();
  }

  @POST
  @Path("signin")
  @PermitAll
  @Counted(name = "signins")
  @APIResponse(
      responseCode = "200",
      description = "A bearer token",
      content = @Content(schema = @Schema(ref = "AccessToken")))
  @APIResponse(responseCode = "401", description = "E-mail or password is wrong")
  public Response signIn(@NotNull @Valid SignInRequest body) {
    User user =
        em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
            .setParameter("email", User.normalizeEmail(body.email()))
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean valid;
    if (user == null) {
      passwords.checkDecoy(body.password());
      valid = false;
    } else {
      valid = passwords.matches(body.password(), user.getPasswordHash());
    }
    if (!valid) {
      // Failed sign-ins are logged (without the e-mail): the request id on the line leads to the
      // client in the gateway's access log.
      LOG.info(
          user == null ? "Sign-in refused: unknown e-mail" : "Sign-in refused: wrong password");
      throw new NotAuthorizedException("E-mail or password is wrong.", "Bearer");
    }
    var roles = user.getRoles().stream().map(r -> r.getName()).toList();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(AccessToken.from(tokens.issue(user.getId(), user.getEmail(), roles)))
        .cacheControl(noStore)
        .build();
  }

  @GET
  @Path("me")
  @PermitAll
  public UserProfile me() {
    User user = em.find(User.class, caller.id());
    if (user == null) {
      throw new NotAuthorizedException("The account of this token no longer exists.", "Bearer");
    }
    return UserProfile.from(user);
  }
}
