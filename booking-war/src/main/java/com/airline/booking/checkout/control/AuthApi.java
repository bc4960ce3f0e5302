package com.airline.booking.checkout.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Auth as booking uses it (its SERVICE token), any of its instances. */
@RegisterRestClient(configKey = "auth-api")
@RegisterProvider(AnyAuthInstance.class)
@Path("api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuthApi {

  @POST
  @Path("service-tokens")
  Response serviceToken(String credentialsJson);
}
