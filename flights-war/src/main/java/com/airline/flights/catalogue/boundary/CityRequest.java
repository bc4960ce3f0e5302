package com.airline.flights.catalogue.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

public record CityRequest(
    @NotBlank @Size(max = 100) @PlainText String name,
    @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code")
        String country) {

  private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

  boolean knownCountry() {
    return COUNTRIES.contains(country);
  }
}
