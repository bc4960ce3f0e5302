package com.airline.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Takes the caller's X-Request-ID when well-formed, else makes one, and answers with it. A servlet
 * filter rather than a JAX-RS one, so that error pages (the token check's 401) carry it too.
 */
public class RequestIds extends HttpFilter {

  public static final String HEADER = "X-Request-ID";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getAttribute(HEADER) == null) {
      String given = request.getHeader(HEADER);
      String id =
          given != null && WELL_FORMED.matcher(given).matches()
              ? given
              : UUID.randomUUID().toString();
      request.setAttribute(HEADER, id);
      response.setHeader(HEADER, id);
    }
    chain.doFilter(request, response);
  }

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(HEADER);
    return id == null ? null : id.toString();
  }
}
