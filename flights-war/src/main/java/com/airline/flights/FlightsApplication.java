package com.airline.flights;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The catalogue (cities, airports, airplanes, flights), its search, and the seat inventory. */
@ApplicationPath("api/v1")
@DeclareRoles({"ADMIN", "SUPPORT", "USER", "SERVICE"})
public class FlightsApplication extends Application {}
