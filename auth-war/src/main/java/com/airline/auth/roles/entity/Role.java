package com.airline.auth.roles.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

@Entity
@Table(name = "role")
@NamedQuery(name = Role.FIND_ALL, query = "select r from Role r order by r.name")
@NamedQuery(name = Role.FIND_BY_NAMES, query = "select r from Role r where r.name in :names")
public class Role {

  public static final String FIND_ALL = "Role.findAll";
  public static final String FIND_BY_NAMES = "Role.findByNames";

  /** Built in roles cannot be deleted: services and the gateway rely on them. */
  public static final Set<String> BUILT_IN = Set.of("ADMIN", "SUPPORT", "USER");

  @Id
  @Column(name = "name")
  private String name;

  @Column(name = "description", nullable = false)
  private String description;

  @Column(name = "built_in", nullable = false)
  private boolean builtIn;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Role() {}

  public Role(String name, String description) {
    this.name = name;
    this.description = description;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public boolean isBuiltIn() {
    return builtIn;
  }
}
