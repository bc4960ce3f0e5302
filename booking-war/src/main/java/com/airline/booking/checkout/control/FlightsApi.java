package com.airline.booking.checkout.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The flights service as booking uses it, any of its instances; statuses are read by {@link
 * Flights}.
 */
@RegisterRestClient(configKey = "flights-api")
@RegisterProvider(PlainParams.class)
@RegisterProvider(AnyFlightsInstance.class)
@Path("api/v1/flights")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FlightsApi {

  @GET
  @Path("{id}")
  Response flight(@PathParam("id") long id);

  @POST
  @Path("{id}/reservations")
  Response reserve(
      @PathParam("id") long id,
      String reservationJson,
      @HeaderParam("Authorization") String bearer);

  @DELETE
  @Path("{id}/reservations/{reference}")
  Response release(
      @PathParam("id") long id,
      @PathParam("reference") String reference,
      @HeaderParam("Authorization") String bearer);
}
