package com.airline.auth.users.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SignUpRequest(
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull @Size(min = 8, max = 128) String password,
    @NotBlank @Size(max = 100) @PlainText String name) {}
