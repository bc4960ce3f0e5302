package com.airline.flights.schedule.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** PATCH body: absent members stay as they are. */
public record FlightUpdate(
    @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2) BigDecimal price,
    OffsetDateTime departureTime,
    OffsetDateTime arrivalTime) {}
