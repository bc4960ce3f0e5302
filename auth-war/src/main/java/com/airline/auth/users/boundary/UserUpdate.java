package com.airline.auth.users.boundary;

import com.airline.chassis.validation.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * PATCH body: absent members stay as they are. Users changing their own password prove the old one.
 */
public record UserUpdate(
    @Size(min = 1, max = 100)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @PlainText
        String name,
    @Size(min = 8, max = 128) String password,
    @Size(max = 128) String currentPassword) {}
