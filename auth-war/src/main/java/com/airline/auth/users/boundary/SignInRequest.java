package com.airline.auth.users.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SignInRequest(
    @NotBlank @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {}
