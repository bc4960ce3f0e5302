package com.airline.auth.tokens.control;

import com.airline.auth.tokens.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key tokens are signed with: jwt.private-key when configured, else a pair generated on the
 * first start and kept in airline_auth, so that restarts do not invalidate issued tokens.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  public record ActiveKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {}

  @Inject
  @ConfigProperty(name = "jwt.private-key")
  Optional<String> configuredKey;

  @PersistenceContext EntityManager em;

  private volatile ActiveKey active;

  @Transactional
  public void load() {
    RSAPrivateCrtKey key =
        configuredKey
            .filter(k -> !k.isBlank())
            .map(Jwt::parsePrivateKey)
            .orElseGet(this::storedOrNew);
    RSAPublicKey publicKey = Jwt.publicKeyOf(key);
    active = new ActiveKey(Jwt.thumbprint(publicKey), key, publicKey);
    LOG.info(
        () ->
            "Signing tokens with key "
                + active.kid()
                + (configuredKey.isPresent() ? " (configured)" : " (generated)"));
  }

  public ActiveKey active() {
    if (active == null) {
      throw new IllegalStateException("Signing key not loaded yet");
    }
    return active;
  }

  private RSAPrivateCrtKey storedOrNew() {
    return em.createNamedQuery(SigningKey.OLDEST_FIRST, SigningKey.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(stored -> Jwt.parsePrivateKey(stored.getPrivateKey()))
        .orElseGet(this::generate);
  }

  private RSAPrivateCrtKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
      String kid = Jwt.thumbprint(Jwt.publicKeyOf(key));
      em.persist(new SigningKey(kid, Base64.getEncoder().encodeToString(key.getEncoded())));
      return key;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate an RSA key pair", e);
    }
  }
}
