package com.airline.auth.users.control;

import com.airline.auth.roles.entity.Role;
import com.airline.auth.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates the first admin from AUTH_ADMIN_EMAIL / AUTH_ADMIN_PASSWORD while no admin exists. */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  /** The launcher reads the admin's address from the line that starts so. */
  private static final String ANNOUNCED = "First admin: ";

  @Inject
  @ConfigProperty(name = "auth.admin.email")
  String email;

  @Inject
  @ConfigProperty(name = "auth.admin.password")
  Optional<String> password;

  @Inject Passwords passwords;

  @PersistenceContext EntityManager em;

  @Transactional
  public void ensure() {
    List<User> admins =
        em.createQuery(
                "select u from User u join u.roles r where r.name = 'ADMIN'"
                    + " order by u.createdAt, u.email",
                User.class)
            .getResultList();
    if (!admins.isEmpty()) {
      String configured = User.normalizeEmail(email);
      Optional<User> admin = admins.stream().filter(u -> u.getEmail().equals(configured)).findAny();
      if (admin.isEmpty()) {
        LOG.info(
            () ->
                ANNOUNCED
                    + admins.get(0).getEmail()
                    + " (admins existed: "
                    + configured
                    + " was not made one)");
      } else if (password.filter(p -> !p.isBlank()).isPresent()
          && !passwords.matches(password.get(), admin.get().getPasswordHash())) {
        // another checkout on the same databases made it, or its password was changed since
        LOG.info(() -> ANNOUNCED + configured + " (its password is not AUTH_ADMIN_PASSWORD)");
      } else {
        LOG.info(() -> ANNOUNCED + configured);
      }
      return;
    }
    if (password.filter(p -> !p.isBlank()).isEmpty()) {
      LOG.warning("No admin exists and AUTH_ADMIN_PASSWORD is not set: no first admin is created.");
      return;
    }
    List<Role> roles =
        em.createNamedQuery(Role.FIND_BY_NAMES, Role.class)
            .setParameter("names", List.of("ADMIN", "USER"))
            .getResultList();
    em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
        .setParameter("email", User.normalizeEmail(email))
        .getResultStream()
        .findFirst()
        .ifPresentOrElse(
            existing -> {
              // whoever signed up with this address before must not become admin with their own
              // password: the account takes the configured one
              existing.changePasswordHash(passwords.hash(password.get()));
              existing.replaceRoles(roles);
            },
            () ->
                em.persist(
                    new User(email, "Administrator", passwords.hash(password.get()), roles)));
    LOG.info(() -> ANNOUNCED + User.normalizeEmail(email) + " (created)");
  }
}
