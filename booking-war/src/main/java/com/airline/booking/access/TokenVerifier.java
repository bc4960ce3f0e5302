package com.airline.booking.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies access tokens as auth issues them: RS256 only (so neither "none" nor an HMAC keyed with
 * the public key passes), a key from auth's JWKS by kid (fetched again for an unknown kid, at most
 * every 10 s), expiry with 30 s of clock skew, issuer and audience.
 */
@ApplicationScoped
public class TokenVerifier {

  public record Caller(String subject, List<String> groups) {}

  public static class InvalidTokenException extends RuntimeException {
    InvalidTokenException(String message) {
      super(message);
    }
  }

  private static final JsonProvider JSON = JsonProvider.provider();
  private static final Base64.Decoder URL = Base64.getUrlDecoder();
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Inject
  @ConfigProperty(name = "auth.url")
  String authUrl;

  @Inject
  @ConfigProperty(name = "jwt.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.audience")
  String audience;

  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  /** Tokens whose signature and claims checked out, until they expire; at most VERIFIED_TOKENS. */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private static final int VERIFIED_TOKENS = 10_000;

  private record Verified(Caller caller, long until) {}

  private volatile Instant lastFetch = Instant.EPOCH;

  /**
   * The caller a token names, verified once per token: a client sends the same token until it
   * expires, and checking an RSA signature costs more than the rest of a request here.
   */
  public Caller verify(String token) {
    Verified known = verified.get(token);
    if (known != null && known.until() > System.currentTimeMillis()) {
      return known.caller();
    }
    return check(token);
  }

  private Caller check(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("The token is not a signed JWT.");
    }
    JsonObject header = json(parts[0]);
    if (!"RS256".equals(header.getString("alg", null))) {
      throw new InvalidTokenException("Only RS256 tokens are accepted.");
    }
    PublicKey key = key(header.getString("kid", ""));
    if (!signatureValid(parts, key)) {
      throw new InvalidTokenException("The token's signature is not valid.");
    }
    JsonObject claims = json(parts[1]);
    long until =
        claims.containsKey("exp")
            ? (claims.getJsonNumber("exp").longValue() + SKEW.toSeconds()) * 1000
            : 0;
    if (until < System.currentTimeMillis()) {
      throw new InvalidTokenException("The token has expired.");
    }
    if (!issuer.equals(claims.getString("iss", null))) {
      throw new InvalidTokenException("The token is not from this system's issuer.");
    }
    if (!audienceMatches(claims.get("aud"))) {
      throw new InvalidTokenException("The token is not for this system.");
    }
    JsonArray groups =
        claims.containsKey("groups") ? claims.getJsonArray("groups") : JsonValue.EMPTY_JSON_ARRAY;
    Caller caller =
        new Caller(claims.getString("sub", null), groups.getValuesAs(JsonString::getString));
    if (verified.size() >= VERIFIED_TOKENS) {
      long now = System.currentTimeMillis();
      verified.values().removeIf(v -> v.until() < now);
      if (verified.size() >= VERIFIED_TOKENS) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(caller, until));
    return caller;
  }

  private boolean audienceMatches(JsonValue aud) {
    if (aud instanceof JsonString single) {
      return audience.equals(single.getString());
    }
    return aud instanceof JsonArray many
        && many.getValuesAs(JsonString::getString).contains(audience);
  }

  private PublicKey key(String kid) {
    PublicKey key = keys.get(kid);
    if (key == null) {
      key = fetched(kid);
    }
    if (key == null) {
      throw new InvalidTokenException("The token is signed with an unknown key.");
    }
    return key;
  }

  /**
   * The key after fetching the key set again, at most every 10 s. Requests that find the key
   * unknown while a fetch is under way wait for it (the first requests after a start all do),
   * rather than refuse a valid token.
   */
  private synchronized PublicKey fetched(String kid) {
    PublicKey key = keys.get(kid);
    if (key == null && Instant.now().isAfter(lastFetch.plusSeconds(10))) {
      fetchKeys();
      key = keys.get(kid);
    }
    return key;
  }

  private void fetchKeys() {
    lastFetch = Instant.now();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(authUrl + "/api/v1/auth/jwks"))
              .timeout(Duration.ofSeconds(3))
              .build();
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return;
      }
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      try (var reader = JSON.createReader(new StringReader(response.body()))) {
        for (JsonValue value : reader.readObject().getJsonArray("keys")) {
          JsonObject jwk = value.asJsonObject();
          if ("RSA".equals(jwk.getString("kty", null))) {
            keys.put(
                jwk.getString("kid", ""),
                rsa.generatePublic(
                    new RSAPublicKeySpec(
                        new BigInteger(1, URL.decode(jwk.getString("n"))),
                        new BigInteger(1, URL.decode(jwk.getString("e"))))));
          }
        }
      }
    } catch (java.io.IOException | GeneralSecurityException | RuntimeException e) {
      // auth unreachable or a malformed key set: tokens with unknown keys are refused meanwhile
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean signatureValid(String[] parts, PublicKey key) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(URL.decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static JsonObject json(String part) {
    try (var reader =
        JSON.createReader(new StringReader(new String(URL.decode(part), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      throw new InvalidTokenException("The token is not a valid JWT.");
    }
  }
}
