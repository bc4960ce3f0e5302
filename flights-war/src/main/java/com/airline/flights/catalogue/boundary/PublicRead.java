package com.airline.flights.catalogue.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A catalogue read, the same for every caller: its 200 answer says {@code Cache-Control: public,
 * max-age=N} (flights.catalogue.max-age), so that the gateway answers it from memory; the
 * catalogue's writes empty the gateway's copies through the data grid.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PublicRead {

  /** Adds the header to the answers of methods marked {@link PublicRead}. */
  @Provider
  @PublicRead
  class Header implements ContainerResponseFilter {

    @Inject
    @ConfigProperty(name = "flights.catalogue.max-age")
    Duration maxAge;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getStatus() == 200 && !response.getHeaders().containsKey("Cache-Control")) {
        response.getHeaders().putSingle("Cache-Control", value(maxAge));
      }
    }

    /** The header for answers fresh for that long (whole seconds, rounded down). */
    public static String value(Duration fresh) {
      return "public, max-age=" + Math.max(0, fresh.toSeconds());
    }
  }
}
