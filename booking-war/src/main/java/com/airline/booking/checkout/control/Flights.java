package com.airline.booking.checkout.control;

import com.airline.booking.checkout.entity.Booking.FlightSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Calls to flights with fault tolerance. Every call may be retried: the lookup reads, and reserve
 * and release are idempotent per booking reference in flights. Refusals (too few seats, unknown
 * flight) are answers, not failures: they are neither retried nor counted by the circuit breaker
 * (one circuit per method). Each attempt is bounded by the REST client's own connect and read
 * timeouts (flights-api/mp-rest/*): a {@code @Timeout} hands every call to a managed executor,
 * which on Payara costs more CPU than the call itself.
 */
@ApplicationScoped
@Retry(
    maxRetries = 2,
    delay = 200,
    abortOn = {SeatsUnavailableException.class, UnknownFlightException.class})
@CircuitBreaker(
    requestVolumeThreshold = 8,
    failureRatio = 0.5,
    delay = 5000,
    skipOn = {SeatsUnavailableException.class, UnknownFlightException.class})
public class Flights {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject @RestClient FlightsApi api;
  @Inject ServiceToken token;

  @Fallback(
      fallbackMethod = "unavailable",
      skipOn = {SeatsUnavailableException.class, UnknownFlightException.class})
  public FlightSnapshot lookUp(long flightId) {
    try (Response response = api.flight(flightId)) {
      if (noSuchFlight(response)) {
        throw new UnknownFlightException(flightId);
      }
      JsonObject flight = json(expect(response, 200));
      return new FlightSnapshot(
          flightId,
          flight.getString("flightNumber"),
          Instant.parse(flight.getString("departureTime")),
          flight.getJsonObject("departureAirport").getString("code"),
          flight.getJsonObject("arrivalAirport").getString("code"),
          new BigDecimal(flight.getString("price")),
          flight.getString("currency"));
    } catch (ProcessingException e) {
      throw new FlightsUnavailableException("flights is unreachable", e);
    }
  }

  @Fallback(
      fallbackMethod = "unavailable",
      skipOn = {SeatsUnavailableException.class, UnknownFlightException.class})
  public void reserve(long flightId, String reference, int seats) {
    String body =
        JSON.createObjectBuilder()
            .add("bookingReference", reference)
            .add("seats", seats)
            .build()
            .toString();
    try (Response response = api.reserve(flightId, body, token.bearer())) {
      switch (response.getStatus()) {
        case 200, 201 -> {}
        case 404 -> {
          if (noSuchFlight(response)) {
            throw new UnknownFlightException(flightId);
          }
          expect(response, 201);
        }
        case 409 -> {
          JsonObject problem = json(response);
          throw new SeatsUnavailableException(
              problem.getString("detail", "The seats are not available."),
              problem.containsKey("availableSeats") ? problem.getInt("availableSeats") : null);
        }
        default -> expect(response, 201);
      }
    } catch (ProcessingException e) {
      throw new FlightsUnavailableException("flights is unreachable", e);
    }
  }

  @Fallback(fallbackMethod = "unavailable")
  public void release(long flightId, String reference) {
    try (Response response = api.release(flightId, reference, token.bearer())) {
      if (!noSuchFlight(response)) { // a deleted flight holds no seats
        expect(response, 204);
      }
    } catch (ProcessingException e) {
      throw new FlightsUnavailableException("flights is unreachable", e);
    }
  }

  /**
   * A 404 from the flights application itself (problem+json). While an instance is still deploying,
   * Payara Micro answers 404 to every path: that says nothing about the flight.
   */
  private static boolean noSuchFlight(Response response) {
    return response.getStatus() == 404
        && response.getMediaType() != null
        && response.getMediaType().toString().startsWith("application/problem+json");
  }

  private Response expect(Response response, int success) {
    int status = response.getStatus();
    if (status == 401 || status == 403) {
      token.forget();
    }
    if (status != success && !(success == 201 && status == 200)) {
      throw new FlightsUnavailableException("flights answered HTTP " + status, null);
    }
    return response;
  }

  private static JsonObject json(Response response) {
    try (var reader = JSON.createReader(new StringReader(response.readEntity(String.class)))) {
      return reader.readObject();
    }
  }

  // After retries, a timeout, a 5xx or an open circuit the outcome is unknown: callers treat
  // flights as down.
  FlightSnapshot unavailable(long flightId) {
    throw new FlightsUnavailableException("flights did not answer in time or is failing", null);
  }

  void unavailable(long flightId, String reference, int seats) {
    throw new FlightsUnavailableException("flights did not answer in time or is failing", null);
  }

  void unavailable(long flightId, String reference) {
    throw new FlightsUnavailableException("flights did not answer in time or is failing", null);
  }
}
