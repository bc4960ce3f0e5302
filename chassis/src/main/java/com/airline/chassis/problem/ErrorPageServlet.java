package com.airline.chassis.problem;

import com.airline.chassis.requestid.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors answered outside JAX-RS (unknown paths, the container's own refusals) as problem+json
 * rather than the container's HTML page; the chassis's web-fragment.xml routes the error pages
 * here.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    // 501: a method no servlet of the path implements (Payara's default servlet answers PATCH so)
    String detail =
        status == 501 ? request.getMethod() + " is not implemented for this path." : null;
    Problem.of(status, detail, uri == null ? null : uri.toString(), RequestIds.of(request))
        .writeTo(response);
  }
}
