package com.airline.chassis.openapi;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /ops/resources}: the JAX-RS resource methods this instance serves, {@code [{"method":
 * "GET", "path": "/api/v1/users/{id}"}]}, so that a test compares them with {@code /openapi}. The
 * gateway never routes it (it routes /api/v1 only); it says no more than /openapi does.
 */
@WebServlet("/ops/resources")
public class ResourcesServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonArrayBuilder list = Json.createArrayBuilder();
    String context = request.getContextPath();
    for (ResourceMethods.Endpoint endpoint : ResourceMethods.endpoints()) {
      list.add(
          Json.createObjectBuilder()
              .add("method", endpoint.method())
              .add("path", ResourceMethods.join(context, endpoint.path()))
              .add(
                  "java",
                  endpoint.javaMethod().getDeclaringClass().getName()
                      + "#"
                      + endpoint.javaMethod().getName()));
    }
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(list.build().toString());
  }
}
