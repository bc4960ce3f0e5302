package com.airline.flights;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The catalogue (cities, airports, airplanes, flights), its search, and the seat inventory. */
@ApplicationPath("api/v1")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"ADMIN", "SUPPORT", "USER", "SERVICE"})
public class FlightsApplication extends Application {}
