package com.airline.auth.users.boundary;

import com.airline.auth.roles.entity.Role;
import com.airline.auth.users.entity.User;
import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserProfile(
    String id, String email, String name, List<String> roles, Instant createdAt) {

  public static UserProfile from(User user) {
    return new UserProfile(
        user.getId(),
        user.getEmail(),
        user.getName(),
        user.getRoles().stream().map(Role::getName).sorted().toList(),
        user.getCreatedAt());
  }
}
