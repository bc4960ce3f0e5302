package com.airline.auth.tokens.control;

import com.airline.auth.tokens.entity.SigningKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key tokens are signed with: jwt.private-key when configured, else a pair generated on the
 * first start and kept in airline_auth, so that restarts do not invalidate issued tokens. Every key
 * that signed is published (published_key) until the last token it signed has expired: a new
 * jwt.private-key signs nobody out, and the instances of a cluster may sign with different keys
 * while it is being changed.
 */
@ApplicationScoped
public class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** A key's last use is written at most this often (its JWK stays published this much longer). */
  private static final Duration NOTE_USE_EVERY = Duration.ofMinutes(1);

  /** The published keys are read from the database at most this often. */
  private static final Duration PUBLISHED_FOR = Duration.ofSeconds(10);

  public record ActiveKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {}

  @Inject
  @ConfigProperty(name = "jwt.private-key")
  Optional<String> configuredKey;

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "jwt.ttl-seconds")
  long ttlSeconds;

  @Resource(lookup = "jdbc/airline")
  DataSource db;

  private volatile ActiveKey active;
  private volatile Instant useNoted = Instant.EPOCH;

  private record Published(Instant readAt, List<JsonObject> keys) {}

  private volatile Published published = new Published(Instant.EPOCH, List.of());

  @Transactional
  public void load() {
    RSAPrivateCrtKey key =
        configuredKey
            .filter(k -> !k.isBlank())
            .map(Jwt::parsePrivateKey)
            .orElseGet(this::storedOrNew);
    RSAPublicKey publicKey = Jwt.publicKeyOf(key);
    active = new ActiveKey(Jwt.thumbprint(publicKey), key, publicKey);
    noteUse();
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

  /**
   * Called for each token signed: records that the active key is in use, at most once a minute, in
   * a statement of its own (a failure is logged: it only shortens how long the key is published).
   */
  public void used() {
    if (Instant.now().isAfter(useNoted.plus(NOTE_USE_EVERY))) {
      noteUse();
    }
  }

  private void noteUse() {
    ActiveKey key = active();
    useNoted = Instant.now();
    try (Connection c = db.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO published_key (kid, jwk, last_used_at) VALUES (?, ?, UTC_TIMESTAMP(6))"
                    + " ON DUPLICATE KEY UPDATE last_used_at = UTC_TIMESTAMP(6)")) {
      upsert.setString(1, key.kid());
      upsert.setString(2, Jwt.jwk(key.publicKey(), key.kid()).toString());
      upsert.executeUpdate();
    } catch (SQLException e) {
      LOG.warning(() -> "Could not record the use of key " + key.kid() + ": " + e);
    }
  }

  /**
   * The JWKs of every key whose tokens may still be valid, the active one first. From memory for up
   * to 10 s; the active key alone when the database cannot be read.
   */
  public List<JsonObject> published() {
    ActiveKey key = active();
    Published known = published;
    if (Instant.now().isAfter(known.readAt().plus(PUBLISHED_FOR))) {
      known = new Published(Instant.now(), readPublished(key.kid()));
      published = known;
    }
    List<JsonObject> keys = new ArrayList<>();
    keys.add(Jwt.jwk(key.publicKey(), key.kid()));
    keys.addAll(known.keys());
    return keys;
  }

  private List<JsonObject> readPublished(String activeKid) {
    List<JsonObject> keys = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT jwk FROM published_key WHERE kid <> ?"
                    + " AND last_used_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND ORDER BY kid")) {
      select.setString(1, activeKid);
      select.setLong(2, ttlSeconds + NOTE_USE_EVERY.toSeconds());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          try (JsonReader reader = JSON.createReader(new StringReader(rs.getString(1)))) {
            keys.add(reader.readObject());
          }
        }
      }
    } catch (SQLException e) {
      LOG.warning(() -> "Publishing the active key alone: the earlier keys cannot be read: " + e);
    }
    return keys;
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
