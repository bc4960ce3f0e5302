package com.airline.auth.tokens.control;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Issues the RS256 access tokens that every service verifies (the chassis's TokenVerifier). */
@ApplicationScoped
public class TokenIssuer {

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
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(subject)
            .claim("upn", upn)
            .claim("groups", groups.stream().sorted().toList())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    return new IssuedToken(Jwt.sign(claims, key.kid(), key.privateKey()), ttlSeconds);
  }
}
