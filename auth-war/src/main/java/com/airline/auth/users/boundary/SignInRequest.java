package com.airline.auth.users.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SignInRequest(
    @Schema(example = "ada@example.com") @NotBlank @Size(max = 254) String email,
    @Schema(example = "correct horse") @NotNull @Size(max = 128) String password) {}
