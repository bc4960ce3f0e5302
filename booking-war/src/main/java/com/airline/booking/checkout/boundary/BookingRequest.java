package com.airline.booking.checkout.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record BookingRequest(
    @Schema(example = "42") @NotNull @Min(1) Long flightId,
    @Schema(example = "2") @NotNull @Min(1) @Max(9) Integer seats,
    @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) @PlainText String passengerName,
    @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String passengerEmail) {}
