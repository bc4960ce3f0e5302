package com.airline.flights.catalogue.boundary;

import com.airline.chassis.page.Page;
import com.airline.chassis.problem.Problem;
import com.airline.flights.Answers;
import com.airline.flights.Like;
import com.airline.flights.catalogue.entity.Airport;
import com.airline.flights.catalogue.entity.City;
import com.airline.flights.schedule.control.CatalogueChanged;
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
import jakarta.validation.constraints.Size;
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

@Path("cities")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CitiesResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;

  @GET
  @PublicRead
  @PermitAll
  public Page<CityInfo> list(
      @QueryParam("name") @Size(max = 100) String name,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    String prefix = Like.prefix(name);
    return Answers.page(
        em.createNamedQuery(City.COUNT_BY_NAME_PREFIX, Long.class).setParameter("prefix", prefix),
        em.createNamedQuery(City.FIND_BY_NAME_PREFIX, City.class).setParameter("prefix", prefix),
        page,
        size,
        CityInfo::from);
  }

  @GET
  @PublicRead
  @Path("{id}")
  @PermitAll
  @APIResponse(responseCode = "404", description = "No such city")
  public CityInfo get(@PathParam("id") long id) {
    return CityInfo.from(find(id));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "400", description = "Invalid fields or unknown country")
  @APIResponse(responseCode = "409", description = "The city exists")
  @APIResponse(
      responseCode = "201",
      description = "The new city",
      content = @Content(schema = @Schema(ref = "CityInfo")))
  public Response create(@NotNull @Valid CityRequest body, @Context UriInfo uri) {
    checkNew(body, null);
    City city = new City(body.name().trim(), body.country());
    em.persist(city);
    em.flush();
    changed.fire(new CatalogueChanged("city"));
    return Answers.created(uri, city.getId(), CityInfo.from(city));
  }

  @PUT
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Another city has this name and country")
  public CityInfo update(@PathParam("id") long id, @NotNull @Valid CityRequest body) {
    City city = find(id);
    checkNew(body, id);
    city.change(body.name().trim(), body.country());
    changed.fire(new CatalogueChanged("city"));
    return CityInfo.from(city);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Airports are in this city")
  public void delete(@PathParam("id") long id) {
    City city = find(id);
    long airports =
        em.createNamedQuery(Airport.COUNT_BY_CITY, Long.class)
            .setParameter("cityId", id)
            .getSingleResult();
    Answers.conflictIf(airports > 0, "The city has " + airports + " airports.");
    em.remove(city);
    changed.fire(new CatalogueChanged("city"));
  }

  private void checkNew(CityRequest body, Long id) {
    if (!body.knownCountry()) {
      throw Problem.invalid("country", "is not an ISO 3166 country code");
    }
    boolean taken =
        em.createNamedQuery(City.FIND_BY_NAME_AND_COUNTRY, City.class)
            .setParameter("name", body.name().trim())
            .setParameter("country", body.country())
            .getResultStream()
            .anyMatch(c -> !c.getId().equals(id));
    Answers.conflictIf(
        taken, "The city " + body.name().trim() + ", " + body.country() + " exists.");
  }

  private City find(long id) {
    return Answers.found(em.find(City.class, id), "No city with id " + id + ".");
  }
}
