package com.airline.flights.catalogue.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /airports; PUT /airports/{code} takes the same body, and its code must be absent or the
 * same.
 */
public record AirportRequest(
    @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter IATA code") String code,
    @NotBlank @Size(max = 150) @PlainText String name,
    @NotNull Long cityId) {}
