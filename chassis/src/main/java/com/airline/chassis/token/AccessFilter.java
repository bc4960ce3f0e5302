package com.airline.chassis.token;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A presented bearer token must be valid (else 401), whatever the method; its subject and groups
 * become the request's SecurityContext. Then the method's security annotation, or else its class's,
 * decides: @DenyAll 403, @RolesAllowed 401 without a token and 403 without the role, @PermitAll or
 * none: anyone. A SERVICE token, which names a service and no user, passes only where the rule
 * names SERVICE: 403 anywhere else.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AccessFilter implements ContainerRequestFilter {

  /** Who may call a resource method: nobody, anyone (null roles), or callers with a role. */
  private record Rule(boolean nobody, List<String> roles) {

    static Rule of(Method method, Class<?> resource) {
      Rule rule = declared(method);
      return rule != null ? rule : declared(resource);
    }

    private static Rule declared(AnnotatedElement element) {
      if (element == null) {
        return new Rule(false, null);
      }
      if (element.isAnnotationPresent(DenyAll.class)) {
        return new Rule(true, null);
      }
      RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
      if (roles != null) {
        return new Rule(false, List.of(roles.value()));
      }
      return element.isAnnotationPresent(PermitAll.class) || element instanceof Class<?>
          ? new Rule(false, null)
          : null;
    }
  }

  private record TokenContext(TokenVerifier.Caller token, boolean secure)
      implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
      return token::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
      return token.groups().contains(role);
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }

  /**
   * Off in the gateway, which checks tokens at its door against its own path rules and has no
   * annotated resources.
   */
  @Inject
  @ConfigProperty(name = "chassis.access-filter.enabled", defaultValue = "true")
  boolean enabled;

  /** The group of service tokens (auth's service-tokens endpoint), which no user can hold. */
  public static final String SERVICE = "SERVICE";

  @Inject TokenVerifier tokens;
  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;

  private final Map<Method, Rule> rules = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext request) {
    if (!enabled) {
      return;
    }
    try {
      check(request);
    } catch (WebApplicationException refused) {
      drain(request);
      throw refused;
    }
  }

  private void check(ContainerRequestContext request) {
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    boolean signedIn = authorization != null;
    if (signedIn) {
      if (!TokenVerifier.isBearer(authorization)) {
        throw new NotAuthorizedException("Only bearer tokens are accepted.", "Bearer");
      }
      TokenVerifier.Caller caller;
      try {
        caller = tokens.callerOf(servletRequest);
      } catch (TokenVerifier.InvalidTokenException e) {
        throw new NotAuthorizedException(e.getMessage(), "Bearer");
      }
      request.setSecurityContext(new TokenContext(caller, request.getSecurityContext().isSecure()));
    }
    Method method = resource.getResourceMethod();
    Rule rule =
        method == null
            ? new Rule(false, null)
            : rules.computeIfAbsent(method, m -> Rule.of(m, resource.getResourceClass()));
    if (rule.nobody()) {
      throw new ForbiddenException("Nobody may call this.");
    }
    if (signedIn
        && request.getSecurityContext().isUserInRole(SERVICE)
        && (rule.roles() == null || !rule.roles().contains(SERVICE))) {
      // a service's token names no user: it would act as "service:<id>"
      throw new ForbiddenException("A service token is for the operations that name SERVICE only.");
    }
    if (rule.roles() != null) {
      if (!signedIn) {
        throw new NotAuthorizedException("A valid bearer token is required.", "Bearer");
      }
      if (rule.roles().stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
        throw new ForbiddenException("The caller lacks the role for this.");
      }
    }
  }

  /**
   * Reads what is left of a refused request's body (up to the largest the gateway passes on): a
   * connection whose request body was left unread is closed after the answer, and a client keeping
   * it for its next request (the gateway's pool) finds it closed.
   */
  private static final long DRAINED_AT_MOST = 1 << 20;

  private static void drain(ContainerRequestContext request) {
    if (request.hasEntity()) {
      try (InputStream body = request.getEntityStream()) {
        byte[] buffer = new byte[8192];
        long left = DRAINED_AT_MOST;
        for (int read = 0; read >= 0 && left > 0; read = body.read(buffer)) {
          left -= read;
        }
      } catch (IOException | RuntimeException e) {
        // the connection closes then, as it would have
      }
    }
  }
}
