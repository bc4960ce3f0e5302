package com.airline.chassis.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.chassis.requestid.RequestIds;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class TransactionalExceptionMapperTest {

  final TransactionalExceptionMapper mapper = new TransactionalExceptionMapper();

  TransactionalExceptionMapperTest() {
    mapper.request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getRequestURI" -> "/api/v1/bookings/ABC123/cancel";
                      case "getAttribute" -> RequestIds.HEADER.equals(args[0]) ? "r-1" : null;
                      default -> null;
                    });
  }

  @Test
  void commitThatLostAVersionCheck_is409Problem() {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(new OptimisticLockException("row changed"));

    Response response =
        mapper.toResponse(new TransactionalException("REQUIRES_NEW commit failed", rollback));

    assertEquals(409, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    Problem problem = (Problem) response.getEntity();
    assertEquals("/api/v1/bookings/ABC123/cancel", problem.instance());
    assertEquals("r-1", problem.requestId());
  }

  @Test
  void webApplicationCause_keepsItsStatus() {
    Response response =
        mapper.toResponse(new TransactionalException("failed", new NotFoundException("No X.")));

    assertEquals(404, response.getStatus());
    assertEquals("No X.", ((Problem) response.getEntity()).detail());
  }

  @Test
  void databaseUnreachable_is503ProblemWithRetryAfter() {
    // what MySQL Connector/J throws when the server went away: SQLSTATE 08S01
    var lost = new java.sql.SQLRecoverableException("Communications link failure", "08S01");
    Response response =
        mapper.toResponse(
            new TransactionalException(
                "failed", new IllegalStateException("Flight search failed", lost)));

    assertEquals(503, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
    assertEquals("5", response.getHeaderString("Retry-After"));
    assertEquals(
        "The database cannot be reached. Try again shortly.",
        ((Problem) response.getEntity()).detail());
  }

  @Test
  void otherDatabaseErrors_remain500() {
    var syntax = new java.sql.SQLSyntaxErrorException("You have an error in your SQL", "42000");
    Response response = mapper.toResponse(new TransactionalException("failed", syntax));

    assertEquals(500, response.getStatus());
  }

  @Test
  void withoutCause_is500Problem() {
    Response response = mapper.toResponse(new TransactionalException("no transaction", null));

    assertEquals(500, response.getStatus());
    assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
  }
}
