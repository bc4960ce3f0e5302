package com.airline.auth.roles.boundary;

import com.airline.auth.Caller;
import com.airline.auth.roles.entity.Role;
import com.airline.auth.users.entity.User;
import com.airline.chassis.token.AccessFilter;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("roles")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {

  @Inject Caller caller;

  @PersistenceContext EntityManager em;

  @GET
  @PermitAll
  public List<RoleInfo> list() {
    caller.requireSignedIn();
    return em.createNamedQuery(Role.FIND_ALL, Role.class)
        .getResultStream()
        .map(RoleInfo::from)
        .toList();
  }

  @GET
  @Path("{name}")
  @PermitAll
  public RoleInfo get(@PathParam("name") String name) {
    caller.requireSignedIn();
    return RoleInfo.from(find(name));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "The role exists")
  @APIResponse(
      responseCode = "201",
      description = "The new role",
      content = @Content(schema = @Schema(ref = "RoleInfo")))
  public Response create(@NotNull @Valid RoleRequest body, @Context UriInfo uri) {
    if (AccessFilter.SERVICE.equals(body.name())) {
      throw new ClientErrorException(
          "Role " + body.name() + " is reserved for services.", Response.Status.CONFLICT);
    }
    if (em.find(Role.class, body.name()) != null) {
      throw new ClientErrorException("Role " + body.name() + " exists.", Response.Status.CONFLICT);
    }
    Role role = new Role(body.name(), body.description().trim());
    em.persist(role);
    return Response.created(uri.getAbsolutePathBuilder().path(role.getName()).build())
        .entity(RoleInfo.from(role))
        .build();
  }

  @DELETE
  @Path("{name}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Built in, or still held by users")
  public void delete(@PathParam("name") String name) {
    Role role = find(name);
    if (role.isBuiltIn()) {
      throw new ClientErrorException("Role " + name + " is built in.", Response.Status.CONFLICT);
    }
    long holders =
        em.createNamedQuery(User.COUNT_BY_ROLE, Long.class)
            .setParameter("role", name)
            .getSingleResult();
    if (holders > 0) {
      throw new ClientErrorException(
          "Role " + name + " is held by " + holders + " users.", Response.Status.CONFLICT);
    }
    em.remove(role);
  }

  private Role find(String name) {
    Role role = em.find(Role.class, name);
    if (role == null) {
      throw new NotFoundException("No role " + name + ".");
    }
    return role;
  }
}
