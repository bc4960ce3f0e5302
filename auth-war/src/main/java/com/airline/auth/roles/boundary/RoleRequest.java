package com.airline.auth.roles.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RoleRequest(
    @NotNull @Pattern(regexp = "[A-Z_]{2,32}", message = "must be 2 to 32 of A-Z and _")
        String name,
    @NotBlank @Size(max = 200) @PlainText String description) {}
