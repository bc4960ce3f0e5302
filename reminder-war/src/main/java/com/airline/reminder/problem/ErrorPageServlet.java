package com.airline.reminder.problem;

import com.airline.reminder.RequestIds;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors answered outside JAX-RS (the MP-JWT mechanism's 401, unknown paths) as problem+json rather
 * than the container's HTML page; web.xml routes the error pages here.
 */
@WebServlet("/error")
public class ErrorPageServlet extends HttpServlet {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : response.getStatus();
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String detail = status == 401 ? "A valid bearer token is required." : null;
    Problem problem =
        Problem.of(status, detail, uri == null ? null : uri.toString(), RequestIds.of(request));
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSONB.toJson(problem));
  }
}
