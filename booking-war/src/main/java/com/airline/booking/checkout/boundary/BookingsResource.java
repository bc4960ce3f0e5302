package com.airline.booking.checkout.boundary;

import com.airline.booking.checkout.control.BookingStore;
import com.airline.booking.checkout.control.Checkout;
import com.airline.booking.checkout.control.FlightsUnavailableException;
import com.airline.booking.checkout.control.SeatsUnavailableException;
import com.airline.booking.checkout.control.UnknownFlightException;
import com.airline.booking.checkout.entity.Booking;
import com.airline.chassis.page.Page;
import com.airline.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import org.eclipse.microprofile.metrics.annotation.Counted;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Every signed-in user books for themself; ADMIN and SUPPORT see every booking, others only theirs.
 * No security annotations: the access filter has verified a presented token before the request gets
 * here, and each method checks that there was one.
 */
@SecurityRequirement(name = "bearer")
@Path("bookings")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BookingsResource {

  @Inject Checkout checkout;
  @Inject BookingStore store;
  @Context SecurityContext caller;

  @PersistenceContext EntityManager em;

  @POST
  @Counted(name = "bookings-requested")
  @APIResponse(responseCode = "400", description = "Invalid fields or unknown flight")
  @APIResponse(
      responseCode = "409",
      description = "Not enough seats (with availableSeats) or departed flight")
  @APIResponse(
      responseCode = "503",
      description = "Flights cannot be reached; Retry-After says when to try again")
  @APIResponse(
      responseCode = "201",
      description = "The booking, CONFIRMED (or the first one made with this Idempotency-Key)",
      content = @Content(schema = @Schema(ref = "BookingView")))
  public Response create(
      @NotNull @Valid BookingRequest body,
      @Parameter(
              description =
                  "Makes retries safe: the same key from the same user returns the first"
                      + " booking, once")
          @HeaderParam("Idempotency-Key")
          @Size(max = 100)
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII")
          String key,
      @Parameter(
              description =
                  "The booker's language for the booking's mails: its first tag (de, de-AT);"
                      + " en when absent")
          @HeaderParam("Accept-Language")
          String acceptLanguage,
      @Context UriInfo uri) {
    String user = signedIn();
    try {
      Checkout.Outcome outcome =
          checkout.book(
              user,
              body.flightId(),
              body.seats(),
              body.passengerName().trim(),
              body.passengerEmail().trim(),
              PreferredLanguage.of(acceptLanguage),
              key);
      Booking booking = outcome.booking();
      return switch (outcome.status()) {
        case 201 ->
            Response.created(
                    uri.getBaseUriBuilder().path("bookings").path(booking.getReference()).build())
                .entity(BookingView.from(booking))
                .build();
        case 400 -> throw Problem.invalid("flightId", booking.getStatusReason());
        default ->
            Problem.of(outcome.status(), booking.getStatusReason(), null, null).response().build();
      };
    } catch (UnknownFlightException e) {
      throw Problem.invalid("flightId", e.getMessage());
    } catch (SeatsUnavailableException e) {
      Problem problem = Problem.of(409, e.getMessage(), null, null);
      return (e.availableSeats() == null
              ? problem
              : problem.with("availableSeats", e.availableSeats()))
          .response()
          .build();
    } catch (FlightsUnavailableException e) {
      return Problem.of(
              503, "Flights cannot be reached; no booking was made. Try again shortly.", null, null)
          .response()
          .header("Retry-After", "5")
          .build();
    }
  }

  @GET
  public Page<BookingView> list(
      @QueryParam("status")
          @Pattern(
              regexp = "PENDING|CONFIRMED|CANCELLED",
              message = "must be PENDING, CONFIRMED or CANCELLED")
          String status,
      @QueryParam("userId") @Size(max = 64) String userId,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    String user = signedIn();
    String owner = isStaff() ? userId : user;
    String where =
        " where 1 = 1"
            + (owner != null ? " and b.userId = :owner" : "")
            + (status != null ? " and b.status = :status" : "");
    TypedQuery<Long> count = em.createQuery("select count(b) from Booking b" + where, Long.class);
    TypedQuery<Booking> rows =
        em.createQuery(
            "select b from Booking b" + where + " order by b.createdAt desc, b.reference",
            Booking.class);
    for (TypedQuery<?> query : new TypedQuery<?>[] {count, rows}) {
      if (owner != null) {
        query.setParameter("owner", owner);
      }
      if (status != null) {
        query.setParameter("status", Booking.Status.valueOf(status));
      }
    }
    var bookings = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
    return Page.of(bookings, page, size, count.getSingleResult(), BookingView::from);
  }

  @GET
  @Path("{reference}")
  @APIResponse(responseCode = "404", description = "No such booking, or someone else's")
  public BookingView get(@PathParam("reference") String reference) {
    return BookingView.from(visible(reference));
  }

  @POST
  @Path("{reference}/cancel")
  @Counted(name = "bookings-cancel-requested")
  @APIResponse(
      responseCode = "403",
      description = "SUPPORT reads bookings but does not cancel them")
  @APIResponse(responseCode = "404", description = "No such booking, or someone else's")
  @APIResponse(responseCode = "409", description = "The flight has departed")
  @APIResponse(
      responseCode = "200",
      description = "The booking, CANCELLED (again: unchanged)",
      content = @Content(schema = @Schema(ref = "BookingView")))
  public Response cancel(@PathParam("reference") String reference) {
    Booking booking = visible(reference);
    if (!booking.getUserId().equals(signedIn()) && !caller.isUserInRole("ADMIN")) {
      throw new ForbiddenException("Only the owner or an admin cancels a booking.");
    }
    try {
      return Response.ok(BookingView.from(checkout.cancel(booking))).build();
    } catch (SeatsUnavailableException e) {
      return Problem.of(409, e.getMessage(), null, null).response().build();
    }
  }

  /** The owner's, or any for ADMIN and SUPPORT; anyone else is told it does not exist. */
  private Booking visible(String reference) {
    String user = signedIn();
    return store
        .find(reference)
        .filter(b -> b.getUserId().equals(user) || isStaff())
        .orElseThrow(() -> new NotFoundException("No booking " + reference + "."));
  }

  private boolean isStaff() {
    return caller.isUserInRole("ADMIN") || caller.isUserInRole("SUPPORT");
  }

  private String signedIn() {
    Principal principal = caller.getUserPrincipal();
    if (principal == null || principal.getName() == null) {
      throw new NotAuthorizedException("A valid bearer token is required.", "Bearer");
    }
    return principal.getName();
  }
}
