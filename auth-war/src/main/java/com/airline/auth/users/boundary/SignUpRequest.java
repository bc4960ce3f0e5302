package com.airline.auth.users.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SignUpRequest(
    @Schema(example = "ada@example.com") @NotBlank @Email @Size(max = 254) String email,
    @Schema(example = "correct horse") @NotNull @Size(min = 8, max = 128) String password,
    @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 100) @PlainText String name) {}
