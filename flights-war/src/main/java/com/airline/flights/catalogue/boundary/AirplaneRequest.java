package com.airline.flights.catalogue.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record AirplaneRequest(
    @NotBlank @Size(max = 100) @PlainText String model,
    @NotNull @Min(1) @Max(1000) Integer capacity) {}
