package com.airline.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  final Jsonb jsonb = JsonbBuilder.create();

  @Test
  void serializes_theStandardMembersInOrder_leavingNullsOut() {
    Problem problem = Problem.of(404, null, "/api/v1/bookings/X", "r-1");

    assertEquals(
        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"instance\":\"/api/v1/bookings/X\",\"requestId\":\"r-1\"}",
        jsonb.toJson(problem));
  }

  @Test
  void serializes_fieldErrorsAndTheServicesOwnMembers_flat() {
    Problem problem =
        Problem.of(409, "Not enough seats.", null, null)
            .withErrors(List.of(new Problem.FieldError("seats", "too many")))
            .with("availableSeats", 2)
            .with("flight", "BA117")
            .at("/api/v1/bookings", "r-2");

    assertEquals(
        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"Not enough seats.\",\"instance\":\"/api/v1/bookings\","
            + "\"requestId\":\"r-2\",\"errors\":[{\"field\":\"seats\",\"message\":\"too many\"}],"
            + "\"availableSeats\":2,\"flight\":\"BA117\"}",
        jsonb.toJson(problem));
  }

  @Test
  void title_namesStatusesJaxRsDoesNotKnow() {
    assertEquals("Request Header Fields Too Large", Problem.title(431));
    assertEquals("HTTP 599", Problem.title(599));
  }
}
