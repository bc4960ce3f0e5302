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

  /** The departure time and price flights took the seats on, read under the flight's lock. */
  public record Reserved(Instant departureTime, BigDecimal price, String currency) {}

  /**
   * Whether a reservation may have reached flights, over all its attempts. One whose connection was
   * refused, or that an open circuit or a missing service token stopped, did not: flights cannot
   * hold seats for it. (The launcher turns off the JDK's silent re-send of a POST on a new
   * connection, so that a refused connection really means the request was never sent.)
   */
  public static final class Delivery {
    private volatile boolean mayHaveArrived;

    public boolean mayHaveArrived() {
      return mayHaveArrived;
    }
  }

  @Inject @RestClient FlightsApi api;
  @Inject ServiceToken token;

  @Fallback(
      fallbackMethod = "unavailable",
      skipOn = {SeatsUnavailableException.class, UnknownFlightException.class})
  public FlightSnapshot lookUp(long flightId) {
    try (Response response = refusedOnceMore(() -> api.flight(flightId))) {
      if (noSuchFlight(response)) {
        throw new UnknownFlightException(flightId);
      }
      JsonObject flight = json(expect(response, 200));
      String number = flight.getString("flightNumber");
      // an instance of flights from before airlines answers none: its number's designator is it
      JsonObject airline =
          flight.containsKey("airline")
              ? flight.getJsonObject("airline")
              : JSON.createObjectBuilder()
                  .add("code", number.substring(0, 2))
                  .add("name", number.substring(0, 2))
                  .build();
      return new FlightSnapshot(
          flightId,
          number,
          airline.getString("code"),
          airline.getString("name"),
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
  public Reserved reserve(long flightId, String reference, int seats, Delivery delivery) {
    String body =
        JSON.createObjectBuilder()
            .add("bookingReference", reference)
            .add("seats", seats)
            .build()
            .toString();
    String bearer = token.bearer();
    try (Response response = refusedOnceMore(() -> api.reserve(flightId, body, bearer))) {
      delivery.mayHaveArrived = true;
      switch (response.getStatus()) {
        case 200, 201 -> {
          JsonObject reservation = json(response);
          return new Reserved(
              Instant.parse(reservation.getString("departureTime")),
              new BigDecimal(reservation.getString("price")),
              reservation.getString("currency"));
        }
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
      throw new FlightsUnavailableException("flights answered HTTP " + response.getStatus(), null);
    } catch (ProcessingException e) {
      if (!refused(e)) {
        delivery.mayHaveArrived = true;
      }
      throw new FlightsUnavailableException("flights is unreachable", e);
    }
  }

  /**
   * The call; once more when its connection was refused (nothing was sent), which {@link
   * AnyFlightsInstance} sends to another instance. Within one attempt of {@code @Retry}: an
   * instance just gone (killed, its port closed) would otherwise fail every other attempt until the
   * grid drops it, and open the circuit for every instance.
   */
  private static Response refusedOnceMore(java.util.function.Supplier<Response> call) {
    try {
      return call.get();
    } catch (ProcessingException e) {
      if (!refused(e)) {
        throw e;
      }
      return call.get();
    }
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException) {
        return true;
      }
    }
    return false;
  }

  @Fallback(fallbackMethod = "unavailable")
  public void release(long flightId, String reference) {
    String bearer = token.bearer();
    try (Response response = refusedOnceMore(() -> api.release(flightId, reference, bearer))) {
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

  Reserved unavailable(long flightId, String reference, int seats, Delivery delivery) {
    throw new FlightsUnavailableException("flights did not answer in time or is failing", null);
  }

  void unavailable(long flightId, String reference) {
    throw new FlightsUnavailableException("flights did not answer in time or is failing", null);
  }
}
