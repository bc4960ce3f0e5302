package com.airline.flights.catalogue.boundary;

import com.airline.chassis.page.Page;
import com.airline.chassis.problem.Problem;
import com.airline.flights.Answers;
import com.airline.flights.Like;
import com.airline.flights.catalogue.entity.Airline;
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

@Path("airlines")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AirlinesResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;

  @GET
  @PublicRead
  @PermitAll
  public Page<AirlineInfo> list(
      @QueryParam("q") @Size(max = 100) String q,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    boolean byText = q != null && !q.isBlank();
    String where = byText ? " where a.code like :code or a.name like :name" : "";
    TypedQuery<Long> count = em.createQuery("select count(a) from Airline a" + where, Long.class);
    TypedQuery<Airline> rows =
        em.createQuery("select a from Airline a" + where + " order by a.code", Airline.class);
    if (byText) {
      for (TypedQuery<?> query : new TypedQuery<?>[] {count, rows}) {
        query.setParameter("code", Like.prefix(q.trim().toUpperCase(Locale.ROOT)));
        query.setParameter("name", Like.prefix(q.trim()));
      }
    }
    return Answers.page(count, rows, page, size, AirlineInfo::from);
  }

  @GET
  @PublicRead
  @Path("{code}")
  @PermitAll
  @APIResponse(responseCode = "404", description = "No such airline")
  public AirlineInfo get(@PathParam("code") String code) {
    return AirlineInfo.from(find(code));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "400", description = "Invalid fields or unknown country")
  @APIResponse(responseCode = "409", description = "The designator or the ICAO code is taken")
  @APIResponse(
      responseCode = "201",
      description = "The new airline",
      content = @Content(schema = @Schema(ref = "AirlineInfo")))
  public Response create(@NotNull @Valid AirlineRequest body, @Context UriInfo uri) {
    if (body.code() == null) {
      throw Problem.invalid("code", "must not be null");
    }
    check(body, body.code());
    Answers.conflictIf(
        em.find(Airline.class, body.code()) != null, "Airline " + body.code() + " exists.");
    Airline airline =
        new Airline(body.code(), body.icao(), body.name().trim(), body.country(), body.active());
    em.persist(airline);
    em.flush();
    changed.fire(new CatalogueChanged("airline"));
    return Answers.created(uri, airline.getCode(), AirlineInfo.from(airline));
  }

  @PUT
  @Path("{code}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(
      responseCode = "400",
      description = "Invalid fields, unknown country, or a different code")
  @APIResponse(responseCode = "409", description = "Another airline has the ICAO code")
  public AirlineInfo update(@PathParam("code") String code, @NotNull @Valid AirlineRequest body) {
    Airline airline = find(code);
    if (body.code() != null && !body.code().equals(airline.getCode())) {
      throw Problem.invalid("code", "cannot be changed; create a new airline");
    }
    check(body, airline.getCode());
    airline.change(body.icao(), body.name().trim(), body.country(), body.active());
    changed.fire(new CatalogueChanged("airline"));
    return AirlineInfo.from(airline);
  }

  @DELETE
  @Path("{code}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Flights use the airline")
  public void delete(@PathParam("code") String code) {
    Airline airline = find(code);
    long flights =
        em.createNamedQuery(Flight.COUNT_BY_AIRLINE, Long.class)
            .setParameter("code", airline.getCode())
            .getSingleResult();
    Answers.conflictIf(
        flights > 0, "Airline " + airline.getCode() + " has " + flights + " flights.");
    em.remove(airline);
    changed.fire(new CatalogueChanged("airline"));
  }

  /** The rules Bean Validation cannot express; the ICAO code is another airline's at most once. */
  private void check(AirlineRequest body, String code) {
    if (!body.knownCountry()) {
      throw Problem.invalid("country", "is not an ISO 3166 country code");
    }
    if (body.icao() != null) {
      long taken =
          em.createNamedQuery(Airline.COUNT_BY_ICAO, Long.class)
              .setParameter("icao", body.icao())
              .setParameter("code", code)
              .getSingleResult();
      Answers.conflictIf(taken > 0, "Another airline has the ICAO code " + body.icao() + ".");
    }
  }

  private Airline find(String code) {
    return Answers.found(
        em.find(Airline.class, code.toUpperCase(Locale.ROOT)), "No airline " + code + ".");
  }
}
