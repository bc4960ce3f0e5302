package com.airline.flights.catalogue.boundary;

import com.airline.chassis.page.Page;
import com.airline.flights.Answers;
import com.airline.flights.catalogue.entity.Airplane;
import com.airline.flights.schedule.control.CatalogueChanged;
import com.airline.flights.schedule.entity.Flight;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("airplanes")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AirplanesResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;

  @GET
  @PublicRead
  @PermitAll
  public Page<AirplaneInfo> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return Answers.page(
        em.createNamedQuery(Airplane.COUNT_ALL, Long.class),
        em.createNamedQuery(Airplane.FIND_ALL, Airplane.class),
        page,
        size,
        AirplaneInfo::from);
  }

  @GET
  @PublicRead
  @Path("{id}")
  @PermitAll
  @APIResponse(responseCode = "404", description = "No such airplane")
  public AirplaneInfo get(@PathParam("id") long id) {
    return AirplaneInfo.from(find(id));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(
      responseCode = "201",
      description = "The new airplane",
      content = @Content(schema = @Schema(ref = "AirplaneInfo")))
  public Response create(@NotNull @Valid AirplaneRequest body, @Context UriInfo uri) {
    Airplane airplane = new Airplane(body.model().trim(), body.capacity());
    em.persist(airplane);
    em.flush();
    return Answers.created(uri, airplane.getId(), AirplaneInfo.from(airplane));
  }

  /** Scheduled flights keep the seats they were created with. */
  @PUT
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  public AirplaneInfo update(@PathParam("id") long id, @NotNull @Valid AirplaneRequest body) {
    Airplane airplane = find(id);
    airplane.change(body.model().trim(), body.capacity());
    changed.fire(new CatalogueChanged("airplane"));
    return AirplaneInfo.from(airplane);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Flights use the airplane")
  public void delete(@PathParam("id") long id) {
    Airplane airplane = find(id);
    long flights =
        em.createNamedQuery(Flight.COUNT_BY_AIRPLANE, Long.class)
            .setParameter("airplaneId", id)
            .getSingleResult();
    Answers.conflictIf(flights > 0, "The airplane flies " + flights + " flights.");
    em.remove(airplane);
  }

  private Airplane find(long id) {
    return Answers.found(em.find(Airplane.class, id), "No airplane with id " + id + ".");
  }
}
