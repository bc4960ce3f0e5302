package com.airline.booking;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Bookings: seats reserved in flights, the booking lifecycle, and its events. */
@ApplicationPath("api/v1")
@DeclareRoles({"ADMIN", "SUPPORT", "USER"})
public class BookingApplication extends Application {}
