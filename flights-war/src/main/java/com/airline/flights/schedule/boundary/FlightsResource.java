package com.airline.flights.schedule.boundary;

import com.airline.flights.catalogue.entity.Airplane;
import com.airline.flights.catalogue.entity.Airport;
import com.airline.flights.problem.Problem;
import com.airline.flights.schedule.control.CatalogueChanged;
import com.airline.flights.schedule.control.SearchCache;
import com.airline.flights.schedule.control.SearchQuery;
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
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("flights")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FlightsResource {

  @PersistenceContext EntityManager em;
  @Inject Event<CatalogueChanged> changed;
  @Inject SearchCache searches;

  @GET
  @PermitAll
  @Timed(name = "searches")
  @APIResponse(responseCode = "400", description = "Invalid search parameters")
  public Response search(
      @QueryParam("from") @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter IATA code")
          String from,
      @QueryParam("to") @Pattern(regexp = "[A-Za-z]{3}", message = "must be a 3-letter IATA code")
          String to,
      @QueryParam("date") String date,
      @QueryParam("minPrice") String minPrice,
      @QueryParam("maxPrice") String maxPrice,
      @QueryParam("seats") @Min(1) @Max(1000) Integer seats,
      @QueryParam("sort")
          @DefaultValue("departureTime")
          @Pattern(
              regexp = "-?price|-?departureTime|duration",
              message = "must be price, -price, departureTime, -departureTime or duration")
          String sort,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    BigDecimal min = price("minPrice", minPrice);
    BigDecimal max = price("maxPrice", maxPrice);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw Problem.invalid("maxPrice", "must not be below minPrice");
    }
    var query =
        new SearchQuery(
            upper(from),
            upper(to),
            day(date),
            min,
            max,
            seats,
            SearchQuery.Sort.of(sort),
            page,
            size);
    return Response.ok(searches.page(query), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Path("{id}")
  @PermitAll
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
          "Invalid fields, unknown airplane or airport, times or airports that do not fit")
  @APIResponse(responseCode = "409", description = "The flight number already departs at that time")
  public Response create(@NotNull @Valid FlightRequest body, @Context UriInfo uri) {
    Instant departure = body.departureTime().toInstant();
    Instant arrival = body.arrivalTime().toInstant();
    checkTimes(departure, arrival);
    if (body.departureAirport().equals(body.arrivalAirport())) {
      throw Problem.invalid("arrivalAirport", "must differ from departureAirport");
    }
    checkCurrency(body.currency());
    Airplane airplane = em.find(Airplane.class, body.airplaneId());
    if (airplane == null) {
      throw Problem.invalid("airplaneId", "no airplane with id " + body.airplaneId());
    }
    Flight flight =
        new Flight(
            body.flightNumber(),
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
    return Response.created(uri.getAbsolutePathBuilder().path(flight.getId().toString()).build())
        .entity(FlightOffer.from(flight))
        .build();
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
            "select f from Flight f join fetch f.airplane join fetch f.departureAirport d join fetch d.city"
                + " join fetch f.arrivalAirport a join fetch a.city where f.id = :id",
            Flight.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No flight with id " + id + "."));
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
    if (same > 0) {
      throw new ClientErrorException(
          "Flight " + number + " already departs at " + departure + ".", Response.Status.CONFLICT);
    }
  }

  private static void checkTimes(Instant departure, Instant arrival) {
    if (!departure.isAfter(Instant.now())) {
      throw Problem.invalid("departureTime", "must be in the future");
    }
    if (!arrival.isAfter(departure)) {
      throw Problem.invalid("arrivalTime", "must be after departureTime");
    }
  }

  private static void checkCurrency(String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("currency", "is not an ISO 4217 currency");
    }
  }

  private static BigDecimal price(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal price = new BigDecimal(value);
      if (price.signum() < 0) {
        throw Problem.invalid(field, "must not be negative");
      }
      return price;
    } catch (NumberFormatException e) {
      throw Problem.invalid(field, "must be a decimal number");
    }
  }

  private static LocalDate day(String value) {
    try {
      return value == null ? null : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("date", "must be a day as YYYY-MM-DD");
    }
  }

  private static String upper(String code) {
    return code == null ? null : code.toUpperCase(Locale.ROOT);
  }
}
