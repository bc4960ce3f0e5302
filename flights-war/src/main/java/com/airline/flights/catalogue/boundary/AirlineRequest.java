package com.airline.flights.catalogue.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;

/**
 * POST /airlines; PUT /airlines/{code} takes the same body, and its code must be absent or the
 * same.
 */
public record AirlineRequest(
    @Pattern(regexp = "[A-Z0-9]{2}", message = "must be a 2-character IATA designator (A-Z, 0-9)")
        String code,
    @Pattern(regexp = "[A-Z]{3}", message = "must be a 3-letter ICAO code") String icao,
    @NotBlank @Size(max = 100) @PlainText String name,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code")
        String country,
    @NotNull @JsonbTypeDeserializer(StrictBoolean.class) Boolean active) {

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  boolean knownCountry() {
    return COUNTRIES.contains(country);
  }
}
