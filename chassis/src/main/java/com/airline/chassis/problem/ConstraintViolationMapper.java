package com.airline.chassis.problem;

import com.airline.chassis.requestid.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;

/**
 * Bean Validation failures as a 400 problem with one entry per field. Without this mapper Jersey's
 * own one wins over {@link ProblemMapper} and answers text/html.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    var errors =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.of(
            400, "The request has invalid fields.", request.getRequestURI(), RequestIds.of(request))
        .withErrors(errors)
        .response()
        .build();
  }

  /**
   * "signUp.body.email" is "email"; a whole missing body is "body"; a query parameter keeps its
   * name.
   */
  static String field(ConstraintViolation<?> violation) {
    String last = null;
    StringBuilder inBody = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> last = node.getName();
        case PROPERTY, CONTAINER_ELEMENT -> {
          if (node.getName() != null) {
            inBody.append(inBody.isEmpty() ? "" : ".").append(node.getName());
          }
        }
        default -> {}
      }
    }
    return !inBody.isEmpty() ? inBody.toString() : last != null ? last : "body";
  }
}
