package com.airline.reminder.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem, the one error shape of the API. Null members are left out. */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldError> errors,
    Integer availableSeats) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String detail, String instance, String requestId) {
    return new Problem(
        "about:blank", title(status), status, detail, instance, requestId, null, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(
        type, title, status, detail, instance, requestId, fieldErrors, availableSeats);
  }

  /** A 400 naming the one field that is wrong, for rules Bean Validation cannot express. */
  public static BadRequestException invalid(String field, String message) {
    return new BadRequestException(
        of(400, "The request has invalid fields.", null, null)
            .withErrors(List.of(new FieldError(field, message)))
            .response()
            .build());
  }

  /** A 409 for too few seats says how many are left. */
  public Problem withAvailableSeats(int seats) {
    return new Problem(type, title, status, detail, instance, requestId, errors, seats);
  }

  public Problem at(String requestInstance, String id) {
    return new Problem(type, title, status, detail, requestInstance, id, errors, availableSeats);
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }
}
