package com.airline.flights.catalogue.boundary;

import com.airline.chassis.page.Page;
import com.airline.chassis.problem.Problem;
import com.airline.flights.Answers;
import com.airline.flights.Like;
import com.airline.flights.catalogue.entity.Airport;
import com.airline.flights.catalogue.entity.City;
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
import jakarta.persistence.TypedQuery;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("airports")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AirportsResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;

  @GET
  @PublicRead
  @PermitAll
  public Page<AirportInfo> list(
      @QueryParam("cityId") Long cityId,
      @QueryParam("q") @Size(max = 150) String q,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    boolean byCity = cityId != null;
    boolean byText = q != null && !q.isBlank();
    String where =
        " where 1 = 1"
            + (byCity ? " and a.city.id = :cityId" : "")
            + (byText ? " and (a.code like :code or a.name like :name)" : "");
    TypedQuery<Long> count = em.createQuery("select count(a) from Airport a" + where, Long.class);
    TypedQuery<Airport> rows =
        em.createQuery(
            "select a from Airport a join fetch a.city" + where + " order by a.code",
            Airport.class);
    for (TypedQuery<?> query : new TypedQuery<?>[] {count, rows}) {
      if (byCity) {
        query.setParameter("cityId", cityId);
      }
      if (byText) {
        query.setParameter("code", Like.prefix(q.trim().toUpperCase(Locale.ROOT)));
        query.setParameter("name", Like.prefix(q.trim()));
      }
    }
    return Answers.page(count, rows, page, size, AirportInfo::from);
  }

  @GET
  @PublicRead
  @Path("{code}")
  @PermitAll
  @APIResponse(responseCode = "404", description = "No such airport")
  public AirportInfo get(@PathParam("code") String code) {
    return AirportInfo.from(find(code));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "400", description = "Invalid fields or unknown city")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(
      responseCode = "201",
      description = "The new airport",
      content = @Content(schema = @Schema(ref = "AirportInfo")))
  public Response create(@NotNull @Valid AirportRequest body, @Context UriInfo uri) {
    if (body.code() == null) {
      throw Problem.invalid("code", "must not be null");
    }
    Answers.conflictIf(
        em.find(Airport.class, body.code()) != null, "Airport " + body.code() + " exists.");
    Airport airport = new Airport(body.code(), body.name().trim(), city(body.cityId()));
    em.persist(airport);
    em.flush();
    changed.fire(new CatalogueChanged("airport"));
    return Answers.created(uri, airport.getCode(), AirportInfo.from(airport));
  }

  @PUT
  @Path("{code}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, unknown city, or a different code")
  public AirportInfo update(@PathParam("code") String code, @NotNull @Valid AirportRequest body) {
    Airport airport = find(code);
    if (body.code() != null && !body.code().equals(airport.getCode())) {
      throw Problem.invalid("code", "cannot be changed; create a new airport");
    }
    airport.change(body.name().trim(), city(body.cityId()));
    changed.fire(new CatalogueChanged("airport"));
    return AirportInfo.from(airport);
  }

  @DELETE
  @Path("{code}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Flights use the airport")
  public void delete(@PathParam("code") String code) {
    Airport airport = find(code);
    long flights =
        em.createNamedQuery(Flight.COUNT_BY_AIRPORT, Long.class)
            .setParameter("code", airport.getCode()) // as stored: the path may be lower case
            .getSingleResult();
    Answers.conflictIf(
        flights > 0, "Airport " + airport.getCode() + " has " + flights + " flights.");
    em.remove(airport);
    changed.fire(new CatalogueChanged("airport"));
  }

  private City city(long id) {
    City city = em.find(City.class, id);
    if (city == null) {
      throw Problem.invalid("cityId", "no city with id " + id);
    }
    return city;
  }

  private Airport find(String code) {
    return Answers.found(
        em.find(Airport.class, code.toUpperCase(Locale.ROOT)), "No airport " + code + ".");
  }
}
