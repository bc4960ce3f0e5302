package com.airline.flights.inventory.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record ReservationRequest(
    @NotNull @Pattern(regexp = "[A-Z0-9]{6,16}", message = "must be 6 to 16 of A-Z and 0-9")
        String bookingReference,
    @NotNull @Min(1) @Max(50) Integer seats) {}
