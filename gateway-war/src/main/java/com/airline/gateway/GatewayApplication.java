package com.airline.gateway;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The single entry point: everything under /api is routed to the service that owns it. */
@ApplicationPath("api")
public class GatewayApplication extends Application {}
