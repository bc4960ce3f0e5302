package com.airline.booking;

import com.airline.chassis.health.ServiceStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.Readiness;

/** Migrates airline_booking at start; the settlement and outbox timers wait for it. */
@Readiness
@Default
@ApplicationScoped
public class BookingStartup extends ServiceStartup {}
