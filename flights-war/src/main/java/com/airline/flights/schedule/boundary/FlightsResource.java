package com.airline.flights.schedule.boundary;

import com.airline.chassis.problem.Problem;
import com.airline.flights.Answers;
import com.airline.flights.catalogue.boundary.PublicRead;
import com.airline.flights.catalogue.entity.Airline;
import com.airline.flights.catalogue.entity.Airplane;
import com.airline.flights.catalogue.entity.Airport;
import com.airline.flights.schedule.control.CatalogueChanged;
import com.airline.flights.schedule.control.SearchCache;
import com.airline.flights.schedule.control.SearchQuery;
import com.airline.flights.schedule.entity.Flight;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Currency;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Reads are public and carry no security annotation, so that no security filter runs on the search
 * hot path; every write is ADMIN only. One instance serves all requests (nothing request-scoped
 * here).
 */
@Path("flights")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FlightsResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;
  @Inject SearchCache searches;

  /**
   * The hot path: no security, validation or metrics interceptors here (they cost more than the
   * cached page itself); the parameters are checked by {@link SearchQuery#parse}.
   */
  @GET
  @APIResponse(responseCode = "400", description = "Invalid search parameters")
  @APIResponse(
      responseCode = "200",
      description = "A page of flights",
      content = @Content(schema = @Schema(ref = "FlightOfferPage")))
  @Parameter(
      name = "from",
      in = ParameterIn.QUERY,
      description = "Departure airport, IATA code",
      schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{3}$"))
  @Parameter(
      name = "to",
      in = ParameterIn.QUERY,
      description = "Arrival airport, IATA code",
      schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{3}$"))
  @Parameter(
      name = "airline",
      in = ParameterIn.QUERY,
      description =
          "Flown by one of these airlines: IATA designators, comma-separated (at most 20)",
      example = "BA,LH",
      schema =
          @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9]{2}(,[A-Za-z0-9]{2}){0,19}$"))
  @Parameter(
      name = "date",
      in = ParameterIn.QUERY,
      description = "Departure day (UTC), YYYY-MM-DD",
      schema = @Schema(type = SchemaType.STRING, format = "date"))
  @Parameter(
      name = "minPrice",
      in = ParameterIn.QUERY,
      description = "Lowest price",
      schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$"))
  @Parameter(
      name = "maxPrice",
      in = ParameterIn.QUERY,
      description = "Highest price, not below minPrice",
      schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]+(\\.[0-9]+)?$"))
  @Parameter(
      name = "seats",
      in = ParameterIn.QUERY,
      description = "At least that many seats free",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
  @Parameter(
      name = "sort",
      in = ParameterIn.QUERY,
      description = "Order of the page",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"price", "-price", "departureTime", "-departureTime", "duration"},
              defaultValue = "departureTime"))
  @Parameter(
      name = "page",
      in = ParameterIn.QUERY,
      description = "Page number, from 0",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100000", defaultValue = "0"))
  @Parameter(
      name = "size",
      in = ParameterIn.QUERY,
      description = "Page size",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  public Response search(@Context UriInfo uri) {
    SearchCache.Page page = searches.page(SearchQuery.parse(uri.getQueryParameters()));
    return Response.ok(page.json(), MediaType.APPLICATION_JSON)
        .header("Cache-Control", PublicRead.Header.value(page.fresh()))
        .build();
  }

  @GET
  @Path("{id}")
  @APIResponse(responseCode = "404", description = "No such flight")
  public FlightOffer get(@PathParam("id") long id) {
    return FlightOffer.from(find(id));
  }

  @POST
  @RolesAllowed("ADMIN")
  @Transactional
  @Counted(name = "flights-created")
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid fields, unknown airplane or airport, an unknown or inactive airline or one"
              + " the flight number does not start with, times or airports that do not fit")
  @APIResponse(responseCode = "409", description = "The flight number already departs at that time")
  @APIResponse(
      responseCode = "201",
      description = "The new flight",
      content = @Content(schema = @Schema(ref = "FlightOffer")))
  public Response create(@NotNull @Valid FlightRequest body, @Context UriInfo uri) {
    Instant departure = body.departureTime().toInstant();
    Instant arrival = body.arrivalTime().toInstant();
    checkTimes(departure, arrival);
    if (body.departureAirport().equals(body.arrivalAirport())) {
      throw Problem.invalid("arrivalAirport", "must differ from departureAirport");
    }
    checkCurrency(body.currency());
    Airline airline = airline(body.flightNumber(), body.airline());
    Airplane airplane = em.find(Airplane.class, body.airplaneId());
    if (airplane == null) {
      throw Problem.invalid("airplaneId", "no airplane with id " + body.airplaneId());
    }
    Flight flight =
        new Flight(
            body.flightNumber(),
            airline,
            airplane,
            airport("departureAirport", body.departureAirport()),
            airport("arrivalAirport", body.arrivalAirport()),
            departure,
            arrival,
            body.price(),
            body.currency());
    checkUnique(flight.getFlightNumber(), flight.getDepartureTime(), -1);
    em.persist(flight);
    em.flush();
    changed.fire(new CatalogueChanged("flight"));
    return Answers.created(uri, flight.getId(), FlightOffer.from(flight));
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "400", description = "Invalid fields or times that do not fit")
  public FlightOffer update(@PathParam("id") long id, @NotNull @Valid FlightUpdate body) {
    Flight flight = find(id);
    if (body.departureTime() != null || body.arrivalTime() != null) {
      Instant departure =
          body.departureTime() == null
              ? flight.getDepartureTime()
              : body.departureTime().toInstant();
      Instant arrival =
          body.arrivalTime() == null ? flight.getArrivalTime() : body.arrivalTime().toInstant();
      checkTimes(departure, arrival);
      flight.reschedule(departure, arrival);
      checkUnique(flight.getFlightNumber(), flight.getDepartureTime(), id);
    }
    if (body.price() != null) {
      flight.reprice(body.price());
    }
    changed.fire(new CatalogueChanged("flight"));
    return FlightOffer.from(flight);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("ADMIN")
  @Transactional
  @APIResponse(responseCode = "409", description = "Seats are sold")
  public void delete(@PathParam("id") long id) {
    // Conditional, so that a reservation committing meanwhile cannot be deleted with the flight.
    int deleted =
        em.createNativeQuery("DELETE FROM flight WHERE id = ? AND available_seats = total_seats")
            .setParameter(1, id)
            .executeUpdate();
    if (deleted == 0) {
      find(id);
      throw new ClientErrorException("Seats on this flight are sold.", Response.Status.CONFLICT);
    }
    changed.fire(new CatalogueChanged("flight"));
  }

  private Flight find(long id) {
    return em.createQuery(
            "select f from Flight f join fetch f.airline join fetch f.airplane"
                + " join fetch f.departureAirport d join fetch d.city"
                + " join fetch f.arrivalAirport a join fetch a.city where f.id = :id",
            Flight.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No flight with id " + id + "."));
  }

  /** The airline the number starts with: it must exist, fly, and be the one named, if any. */
  private Airline airline(String flightNumber, String named) {
    String designator = flightNumber.substring(0, 2);
    if (named != null && !named.equals(designator)) {
      throw Problem.invalid("flightNumber", "must start with the airline's designator " + named);
    }
    Airline airline = em.find(Airline.class, designator);
    if (airline == null) {
      throw Problem.invalid("flightNumber", "no airline with the designator " + designator);
    }
    if (!airline.isActive()) {
      throw Problem.invalid("flightNumber", "airline " + designator + " is not active");
    }
    return airline;
  }

  private Airport airport(String field, String code) {
    Airport airport = em.find(Airport.class, code);
    if (airport == null) {
      throw Problem.invalid(field, "no airport " + code);
    }
    return airport;
  }

  private void checkUnique(String number, Instant departure, long id) {
    long same =
        em.createNamedQuery(Flight.COUNT_BY_NUMBER_AND_DEPARTURE, Long.class)
            .setParameter("number", number)
            .setParameter("departure", departure)
            .setParameter("id", id)
            .getSingleResult();
    Answers.conflictIf(same > 0, "Flight " + number + " already departs at " + departure + ".");
  }

  /** The last time the database's DATETIME holds. */
  private static final Instant LAST_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private static void checkTimes(Instant departure, Instant arrival) {
    if (!departure.isAfter(Instant.now())) {
      throw Problem.invalid("departureTime", "must be in the future");
    }
    if (!arrival.isAfter(departure)) {
      throw Problem.invalid("arrivalTime", "must be after departureTime");
    }
    if (arrival.isAfter(LAST_TIME)) {
      throw Problem.invalid("arrivalTime", "must be before " + LAST_TIME);
    }
  }

  private static void checkCurrency(String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("currency", "is not an ISO 4217 currency");
    }
  }
}
