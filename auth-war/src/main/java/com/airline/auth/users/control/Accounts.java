package com.airline.auth.users.control;

import com.airline.auth.roles.entity.Role;
import com.airline.auth.users.entity.User;
import com.airline.chassis.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Looks users up and guards the rules that span more than one user. */
@ApplicationScoped
public class Accounts {

  @PersistenceContext EntityManager em;

  public User find(String id) {
    User user = em.find(User.class, id);
    if (user == null) {
      throw new NotFoundException("No user with id " + id + ".");
    }
    return user;
  }

  public User create(String email, String name, String passwordHash) {
    String normalized = User.normalizeEmail(email);
    // a few letters grow when lower-cased (İ); the column counts characters, not UTF-16 units
    if (normalized.codePointCount(0, normalized.length()) > User.EMAIL_LENGTH) {
      throw new BadRequestException(
          Problem.of(400, "The request has invalid fields.", null, null)
              .withErrors(
                  List.of(
                      new Problem.FieldError(
                          "email",
                          "must be at most " + User.EMAIL_LENGTH + " characters in lower case")))
              .response()
              .build());
    }
    if (!em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
        .setParameter("email", normalized)
        .getResultList()
        .isEmpty()) {
      throw emailTaken();
    }
    User user = new User(normalized, name, passwordHash, roles(List.of("USER")));
    try {
      em.persist(user);
      em.flush();
    } catch (PersistenceException e) {
      if (isDuplicateKey(e)) {
        throw emailTaken(); // a sign-up with the same e-mail won the race
      }
      throw e;
    }
    return user;
  }

  /** The named roles, all of which must exist. */
  public List<Role> roles(Collection<String> names) {
    List<Role> found =
        em.createNamedQuery(Role.FIND_BY_NAMES, Role.class)
            .setParameter("names", names)
            .getResultList();
    if (found.size() != new HashSet<>(names).size()) {
      Set<String> unknown = new HashSet<>(names);
      found.forEach(r -> unknown.remove(r.getName()));
      throw new BadRequestException(
          "Unknown roles: " + String.join(", ", unknown.stream().sorted().toList()) + ".");
    }
    return found;
  }

  /**
   * There is always one admin left: nobody can lock the platform out of its own administration. The
   * count locks the admins' role rows until the transaction ends and reads what is committed, so
   * two admins taking each other's role at once are counted one after the other.
   */
  public void requireAnotherAdmin(User user) {
    if (user.hasRole("ADMIN") && lockedAdminCount() <= 1) {
      throw new ClientErrorException(
          "This is the last admin; make another admin first.", Response.Status.CONFLICT);
    }
  }

  private long lockedAdminCount() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM user_role WHERE role_name = 'ADMIN' FOR UPDATE")
                .getSingleResult())
        .longValue();
  }

  private static ClientErrorException emailTaken() {
    return new ClientErrorException("This e-mail is already registered.", Response.Status.CONFLICT);
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }
}
