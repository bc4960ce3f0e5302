package com.airline.auth.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Salted PBKDF2-HMAC-SHA256 hashes. A stored hash carries its own algorithm, iterations and salt,
 * so raising auth.passwords.iterations affects new hashes only and old ones still verify.
 */
@ApplicationScoped
public class Passwords {

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "auth.passwords.iterations")
  int iterations;

  private String decoy;

  @PostConstruct
  void init() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    decoy = hash(UUID.randomUUID().toString());
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String storedHash) {
    return hash.verify(password.toCharArray(), storedHash);
  }

  /** Costs what a real check costs, so an unknown e-mail cannot be told from a wrong password. */
  public void checkDecoy(String password) {
    hash.verify(password.toCharArray(), decoy);
  }
}
