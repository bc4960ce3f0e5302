package com.airline.flights.inventory.boundary;

import com.airline.chassis.problem.Problem;
import com.airline.flights.inventory.control.SeatInventory;
import com.airline.flights.inventory.entity.SeatReservation;
import com.airline.flights.schedule.entity.Flight;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("flights/{id}/reservations")
@ApplicationScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

  @PersistenceContext EntityManager em;
  @Inject SeatInventory inventory;

  /**
   * 201 when seats were taken now, 200 when this reference already holds them (a retry). No JTA
   * transaction: {@link SeatInventory} runs its own local one.
   */
  @POST
  @RolesAllowed("SERVICE")
  @Counted(name = "reservations")
  @APIResponse(responseCode = "404", description = "No such flight")
  @APIResponse(
      responseCode = "409",
      description =
          "Not enough seats (with availableSeats), departed, or reference already released")
  @APIResponse(
      responseCode = "201",
      description = "Seats taken now",
      content = @Content(schema = @Schema(ref = "Reservation")))
  @APIResponse(
      responseCode = "200",
      description = "This reference already holds them (a retry)",
      content = @Content(schema = @Schema(ref = "Reservation")))
  public Response reserve(@PathParam("id") long id, @NotNull @Valid ReservationRequest body) {
    String reference = body.bookingReference();
    SeatInventory.Outcome outcome = inventory.reserve(id, reference, body.seats());
    return switch (outcome.result()) {
      case TAKEN ->
          Response.status(Response.Status.CREATED)
              .entity(Reservation.of(id, reference, outcome))
              .build();
      case HELD_BEFORE -> Response.ok(Reservation.of(id, reference, outcome)).build();
      case NO_SUCH_FLIGHT -> throw new NotFoundException("No flight with id " + id + ".");
      case RELEASED_BEFORE ->
          throw new ClientErrorException(
              "Reservation " + reference + " was released.", Response.Status.CONFLICT);
      case OTHER_SEATS ->
          throw new ClientErrorException(
              "Reservation "
                  + reference
                  + " holds "
                  + outcome.seats()
                  + " seats, not "
                  + body.seats()
                  + ".",
              Response.Status.CONFLICT);
      case DEPARTED ->
          throw new ClientErrorException("The flight has departed.", Response.Status.CONFLICT);
      case TOO_FEW_SEATS ->
          throw new ClientErrorException(
              Problem.of(409, "Only " + outcome.availableSeats() + " seats are left.", null, null)
                  .with("availableSeats", outcome.availableSeats())
                  .response()
                  .build());
    };
  }

  /** 204 whether the seats go back now, went back before, or were never taken. */
  @DELETE
  @Path("{reference}")
  @RolesAllowed("SERVICE")
  @Transactional
  @Counted(name = "releases")
  @APIResponse(responseCode = "404", description = "No such flight")
  public void release(
      @PathParam("id") long id,
      @PathParam("reference") @Pattern(regexp = "[A-Z0-9]{6,16}") String reference) {
    Flight flight = lockedFlight(id);
    SeatReservation reservation =
        em.find(SeatReservation.class, new SeatReservation.Key(id, reference));
    if (reservation == null) {
      // Remember the release: a reservation for this reference that arrives late must not take
      // seats.
      em.persist(SeatReservation.releasedUnheld(id, reference));
      return;
    }
    flight.giveBack(reservation.release());
  }

  /** The flight's row lock orders every reservation and release on it. */
  private Flight lockedFlight(long id) {
    Flight flight = em.find(Flight.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (flight == null) {
      throw new NotFoundException("No flight with id " + id + ".");
    }
    return flight;
  }
}
