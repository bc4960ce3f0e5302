package com.airline.chassis.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem, the one error shape of the API. Null members are left out; a service's own
 * members (extensions, in the order added) stand beside the standard ones.
 */
@JsonbTypeSerializer(Problem.Writer.class)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String requestId,
    List<FieldError> errors,
    Map<String, Object> extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final MediaType TYPE = new MediaType("application", "problem+json");

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String detail, String instance, String requestId) {
    return new Problem(
        "about:blank", title(status), status, detail, instance, requestId, null, Map.of());
  }

  /** A 400 naming the one field that is wrong, for rules Bean Validation cannot express. */
  public static BadRequestException invalid(String field, String message) {
    return new BadRequestException(
        of(400, "The request has invalid fields.", null, null)
            .withErrors(List.of(new FieldError(field, message)))
            .response()
            .build());
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, requestId, fieldErrors, extensions);
  }

  /** The problem with one more member of the service's own. */
  public Problem with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new Problem(
        type,
        title,
        status,
        detail,
        instance,
        requestId,
        errors,
        Collections.unmodifiableMap(more));
  }

  /** The problem as answered to one request: its path and id. */
  public Problem at(String requestInstance, String id) {
    return new Problem(type, title, status, detail, requestInstance, id, errors, extensions);
  }

  /** Answers a request with this problem outside JAX-RS (a servlet filter, an error page). */
  public void writeTo(HttpServletResponse response) throws IOException {
    response.setStatus(status);
    // bytes, not the writer: the writer adds "; charset=UTF-8", which JSON has no use for and the
    // problems JAX-RS writes do not carry
    response.setContentType(MEDIA_TYPE);
    byte[] body = Json.JSONB.toJson(this).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** Created on first use: JAX-RS answers write problems through its own JSON-B. */
  private static final class Json {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  public Response.ResponseBuilder response() {
    return Response.status(status).type(TYPE).entity(this);
  }

  static String title(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    if (known != null) {
      return known.getReasonPhrase();
    }
    return status == 431 ? "Request Header Fields Too Large" : "HTTP " + status;
  }

  /** Writes the members flat, in the RFC's order, extensions last. */
  public static final class Writer implements JsonbSerializer<Problem> {

    @Override
    public void serialize(Problem problem, JsonGenerator json, SerializationContext context) {
      json.writeStartObject();
      json.write("type", problem.type());
      json.write("title", problem.title());
      json.write("status", problem.status());
      optional(json, "detail", problem.detail());
      optional(json, "instance", problem.instance());
      optional(json, "requestId", problem.requestId());
      if (problem.errors() != null) {
        json.writeStartArray("errors");
        for (FieldError error : problem.errors()) {
          json.writeStartObject();
          optional(json, "field", error.field());
          optional(json, "message", error.message());
          json.writeEnd();
        }
        json.writeEnd();
      }
      if (problem.extensions() != null) {
        problem.extensions().forEach((name, value) -> context.serialize(name, value, json));
      }
      json.writeEnd();
    }

    private static void optional(JsonGenerator json, String name, String value) {
      if (value != null) {
        json.write(name, value);
      }
    }
  }
}
