package com.airline.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The single entry point: everything under /api is routed to the service that owns it. */
@ApplicationPath("api")
public class GatewayApplication extends Application {

  /**
   * Answers are written straight to the connection: they are byte arrays of known length already,
   * and Jersey's default 8 KB buffer per response was a quarter of what the gateway allocated.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.contentLength.buffer", 0);
  }
}
