package com.airline.auth.roles.boundary;

import com.airline.auth.roles.entity.Role;

public record RoleInfo(String name, String description, boolean builtIn) {

  static RoleInfo from(Role role) {
    return new RoleInfo(role.getName(), role.getDescription(), role.isBuiltIn());
  }
}
