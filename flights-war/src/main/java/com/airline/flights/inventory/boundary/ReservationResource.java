package com.airline.flights.inventory.boundary;

import com.airline.flights.inventory.entity.SeatReservation;
import com.airline.flights.problem.Problem;
import com.airline.flights.schedule.entity.Flight;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import java.time.Instant;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("flights/{id}/reservations")
@RequestScoped
@DenyAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

  @PersistenceContext EntityManager em;

  /** 201 when seats were taken now, 200 when this reference already holds them (a retry). */
  @POST
  @RolesAllowed("SERVICE")
  @Transactional
  @Counted(name = "reservations")
  @APIResponse(responseCode = "404", description = "No such flight")
  @APIResponse(
      responseCode = "409",
      description =
          "Not enough seats (with availableSeats), departed, or reference already released")
  public Response reserve(@PathParam("id") long id, @NotNull @Valid ReservationRequest body) {
    Flight flight = lockedFlight(id);
    SeatReservation existing =
        em.find(SeatReservation.class, new SeatReservation.Key(id, body.bookingReference()));
    if (existing != null) {
      return replay(flight, existing, body);
    }
    if (flight.hasDeparted(Instant.now())) {
      throw new ClientErrorException("The flight has departed.", Response.Status.CONFLICT);
    }
    if (flight.getAvailableSeats() < body.seats()) {
      throw new ClientErrorException(
          Problem.of(409, "Only " + flight.getAvailableSeats() + " seats are left.", null, null)
              .withAvailableSeats(flight.getAvailableSeats())
              .response()
              .build());
    }
    flight.take(body.seats());
    SeatReservation reservation = SeatReservation.held(id, body.bookingReference(), body.seats());
    em.persist(reservation);
    return Response.status(Response.Status.CREATED)
        .entity(Reservation.of(id, reservation, flight.getAvailableSeats()))
        .build();
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

  private Response replay(Flight flight, SeatReservation existing, ReservationRequest body) {
    if (existing.getStatus() == SeatReservation.Status.RELEASED) {
      throw new ClientErrorException(
          "Reservation " + body.bookingReference() + " was released.", Response.Status.CONFLICT);
    }
    if (existing.getSeats() != body.seats()) {
      throw new ClientErrorException(
          "Reservation "
              + body.bookingReference()
              + " holds "
              + existing.getSeats()
              + " seats, not "
              + body.seats()
              + ".",
          Response.Status.CONFLICT);
    }
    return Response.ok(Reservation.of(flight.getId(), existing, flight.getAvailableSeats()))
        .build();
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
