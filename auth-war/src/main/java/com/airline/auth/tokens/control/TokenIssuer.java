package com.airline.auth.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the RS256 access tokens that MicroProfile JWT verifies in every service. */
@ApplicationScoped
public class TokenIssuer {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public record IssuedToken(String value, long expiresIn) {}

  @Inject SigningKeys signingKeys;

  @Inject
  @ConfigProperty(name = "jwt.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.audience")
  String audience;

  @Inject
  @ConfigProperty(name = "jwt.ttl-seconds")
  long ttlSeconds;

  public IssuedToken issue(String subject, String upn, Collection<String> groups) {
    SigningKeys.ActiveKey key = signingKeys.active();
    signingKeys.used();
    long now = Instant.now().getEpochSecond();
    JsonObject header =
        JSON.createObjectBuilder()
            .add("alg", "RS256")
            .add("typ", "JWT")
            .add("kid", key.kid())
            .build();
    JsonObject claims =
        JSON.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", audience)
            .add("sub", subject)
            .add("upn", upn)
            .add("groups", JSON.createArrayBuilder(groups.stream().sorted().toList()))
            .add("iat", now)
            .add("exp", now + ttlSeconds)
            .add("jti", UUID.randomUUID().toString())
            .build();
    return new IssuedToken(Jwt.sign(header, claims, key.privateKey()), ttlSeconds);
  }
}
