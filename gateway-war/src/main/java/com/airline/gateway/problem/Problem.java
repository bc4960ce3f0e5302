package com.airline.gateway.problem;

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
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String detail, String instance, String requestId) {
    return new Problem("about:blank", title(status), status, detail, instance, requestId, null);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, requestId, fieldErrors);
  }

  public Problem at(String requestInstance, String id) {
    return new Problem(type, title, status, detail, requestInstance, id, errors);
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this);
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known != null ? known.getReasonPhrase() : "HTTP " + status;
  }
}
