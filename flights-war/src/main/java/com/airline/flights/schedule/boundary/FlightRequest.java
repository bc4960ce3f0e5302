package com.airline.flights.schedule.boundary;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Times are instants with any offset; prices are decimals with at most two places. The airline is
 * the flight number's first two characters; given as well, it must be the same.
 */
public record FlightRequest(
    @NotNull
        @Pattern(
            regexp = "[A-Z0-9]{2}[0-9]{1,4}",
            message = "must be 2 letters or digits and 1 to 4 digits")
        String flightNumber,
    @Pattern(regexp = "[A-Z0-9]{2}", message = "must be a 2-character IATA designator (A-Z, 0-9)")
        String airline,
    @NotNull Long airplaneId,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter IATA code")
        String departureAirport,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter IATA code")
        String arrivalAirport,
    @NotNull OffsetDateTime departureTime,
    @NotNull OffsetDateTime arrivalTime,
    @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2)
        BigDecimal price,
    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {}
