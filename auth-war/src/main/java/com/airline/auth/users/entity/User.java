package com.airline.auth.users.entity;

import com.airline.auth.roles.entity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "user_account")
@NamedQuery(name = User.FIND_BY_EMAIL, query = "select u from User u where u.email = :email")
@NamedQuery(
    name = User.FIND_BY_EMAIL_PREFIX,
    query = "select u from User u where u.email like :prefix order by u.email, u.id",
    hints = {
      // one extra query for the roles of the whole page instead of one per user
      @QueryHint(name = "eclipselink.batch", value = "u.roles"),
      @QueryHint(name = "eclipselink.batch.type", value = "IN")
    })
@NamedQuery(
    name = User.COUNT_BY_EMAIL_PREFIX,
    query = "select count(u) from User u where u.email like :prefix")
@NamedQuery(
    name = User.COUNT_BY_ROLE,
    query = "select count(u) from User u join u.roles r where r.name = :role")
public class User {

  public static final String FIND_BY_EMAIL = "User.findByEmail";
  public static final String FIND_BY_EMAIL_PREFIX = "User.findByEmailPrefix";
  public static final String COUNT_BY_EMAIL_PREFIX = "User.countByEmailPrefix";
  public static final String COUNT_BY_ROLE = "User.countByRole";

  /** The longest e-mail the column holds, lower-cased. */
  public static final int EMAIL_LENGTH = 254;

  @Id
  @Column(name = "id", length = 36)
  private String id;

  @Column(name = "email", nullable = false, unique = true)
  private String email;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version")
  private long version;

  @ManyToMany(fetch = FetchType.EAGER)
  @JoinTable(
      name = "user_role",
      joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "role_name"))
  private Set<Role> roles = new HashSet<>();

  protected User() {}

  public User(String email, String name, String passwordHash, Collection<Role> roles) {
    this.id = UUID.randomUUID().toString();
    this.email = normalizeEmail(email);
    this.name = name;
    this.passwordHash = passwordHash;
    this.roles.addAll(roles);
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.updatedAt = createdAt;
  }

  /** E-mails are unique whatever their case, so they are kept lower-cased. */
  public static String normalizeEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  public void rename(String newName) {
    this.name = newName;
    touch();
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
    touch();
  }

  public void replaceRoles(Collection<Role> newRoles) {
    roles.clear();
    roles.addAll(newRoles);
    touch();
  }

  public boolean hasRole(String role) {
    return roles.stream().anyMatch(r -> r.getName().equals(role));
  }

  private void touch() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public String getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Set<Role> getRoles() {
    return roles;
  }
}
