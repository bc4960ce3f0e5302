package com.airline.auth.users.boundary;

import com.airline.auth.Caller;
import com.airline.auth.users.control.Accounts;
import com.airline.auth.users.control.Passwords;
import com.airline.auth.users.entity.User;
import com.airline.chassis.page.Page;
import com.airline.chassis.problem.Problem;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("users")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject Accounts accounts;
  @Inject Passwords passwords;
  @Inject Caller caller;

  @PersistenceContext EntityManager em;

  @GET
  @RolesAllowed({"ADMIN", "SUPPORT"})
  public Page<UserProfile> list(
      @QueryParam("email") @Size(max = 254) String email,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    String prefix =
        (email == null
                ? ""
                : User.normalizeEmail(email)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_"))
            + "%";
    long total =
        em.createNamedQuery(User.COUNT_BY_EMAIL_PREFIX, Long.class)
            .setParameter("prefix", prefix)
            .getSingleResult();
    List<User> users =
        em.createNamedQuery(User.FIND_BY_EMAIL_PREFIX, User.class)
            .setParameter("prefix", prefix)
            .setFirstResult(page * size)
            .setMaxResults(size)
            .getResultList();
    return Page.of(users, page, size, total, UserProfile::from);
  }

  @GET
  @Path("{id}")
  @PermitAll
  @APIResponse(responseCode = "403", description = "Neither the user nor ADMIN or SUPPORT")
  @APIResponse(responseCode = "404", description = "No such user")
  public UserProfile get(@PathParam("id") String id) {
    caller.requireSelfOr(id, "ADMIN", "SUPPORT");
    return UserProfile.from(accounts.find(id));
  }

  @PATCH
  @Path("{id}")
  @PermitAll
  @Transactional
  @APIResponse(responseCode = "400", description = "Invalid fields or wrong current password")
  public UserProfile update(@PathParam("id") String id, @NotNull @Valid UserUpdate body) {
    caller.requireSelfOr(id, "ADMIN");
    User user = accounts.find(id);
    if (body.name() != null) {
      user.rename(body.name().trim());
    }
    if (body.password() != null) {
      boolean self = caller.id().equals(id);
      if (self
          && (body.currentPassword() == null
              || !passwords.matches(body.currentPassword(), user.getPasswordHash()))) {
        throw new BadRequestException(
            Problem.of(400, "Changing your own password needs your current password.", null, null)
                .withErrors(List.of(new Problem.FieldError("currentPassword", "does not match")))
                .response()
                .build());
      }
      user.changePasswordHash(passwords.hash(body.password()));
    }
    return UserProfile.from(user);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "The last admin")
  public void delete(@PathParam("id") String id) {
    User user = accounts.find(id);
    accounts.requireAnotherAdmin(user);
    em.remove(user);
  }

  @PUT
  @Path("{id}/roles")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "400", description = "Unknown roles")
  @APIResponse(responseCode = "409", description = "Would leave no admin")
  public UserProfile replaceRoles(
      @PathParam("id") String id, @NotEmpty List<@NotNull String> body) {
    User user = accounts.find(id);
    if (!body.contains("ADMIN")) {
      accounts.requireAnotherAdmin(user);
    }
    user.replaceRoles(accounts.roles(body));
    return UserProfile.from(user);
  }
}
