package com.airline.booking.checkout.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record BookingRequest(
    @NotNull @Min(1) Long flightId,
    @NotNull @Min(1) @Max(9) Integer seats,
    @NotBlank @Size(max = 100) @PlainText String passengerName,
    @NotBlank @Email @Size(max = 254) String passengerEmail) {}
