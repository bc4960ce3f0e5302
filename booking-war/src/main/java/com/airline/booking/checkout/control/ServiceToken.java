package com.airline.booking.checkout.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Booking's SERVICE token from auth, kept until a minute before it expires. */
@ApplicationScoped
public class ServiceToken {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private record Token(String value, Instant renewAt) {}

  @Inject @RestClient AuthApi auth;

  @Inject
  @ConfigProperty(name = "booking.client-id")
  String clientId;

  @Inject
  @ConfigProperty(name = "booking.client-secret", defaultValue = "")
  String clientSecret;

  private volatile Token token;

  public String bearer() {
    Token current = token;
    if (current == null || Instant.now().isAfter(current.renewAt())) {
      current = fetch();
      token = current;
    }
    return "Bearer " + current.value();
  }

  /** After a 401 from flights: the next call fetches a new token. */
  public void forget() {
    token = null;
  }

  private Token fetch() {
    String credentials =
        JSON.createObjectBuilder()
            .add("clientId", clientId)
            .add("clientSecret", clientSecret)
            .build()
            .toString();
    try (Response response = auth.serviceToken(credentials)) {
      if (response.getStatus() != 200) {
        throw new FlightsUnavailableException(
            "auth refused booking's service token: HTTP " + response.getStatus(), null);
      }
      JsonObject body =
          JSON.createReader(new StringReader(response.readEntity(String.class))).readObject();
      long expiresIn = body.getJsonNumber("expiresIn").longValue();
      return new Token(
          body.getString("accessToken"), Instant.now().plusSeconds(Math.max(0, expiresIn - 60)));
    } catch (jakarta.ws.rs.ProcessingException e) {
      throw new FlightsUnavailableException("auth is unreachable for booking's service token", e);
    }
  }
}
