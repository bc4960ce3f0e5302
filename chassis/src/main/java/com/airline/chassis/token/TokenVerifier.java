package com.airline.chassis.token;

import com.airline.chassis.grid.Directory;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies access tokens as auth issues them: RS256 only (so neither "none" nor an HMAC keyed with
 * the public key passes), a key from auth's JWKS by kid (fetched again for an unknown kid, at most
 * every 10 s, from any auth instance of the data grid, else auth.url), expiry with 30 s of clock
 * skew, issuer and audience. Nimbus JOSE+JWT parses and checks the signature; the key cache, the
 * wait for a fetch under way and the claims we require are ours.
 */
@ApplicationScoped
public class TokenVerifier {

  /** Who a valid token names. */
  public record Caller(String subject, List<String> groups) {

    public boolean hasRole(String role) {
      return groups.contains(role);
    }
  }

  public static class InvalidTokenException extends RuntimeException {
    InvalidTokenException(String message) {
      super(message);
    }
  }

  /** The service whose instances serve the JWKS. */
  static final String AUTH = "auth";

  private static final String BEARER = "Bearer ";
  private static final String CALLER = TokenVerifier.class.getName() + ".caller";
  private static final Duration SKEW = Duration.ofSeconds(30);
  private static final Duration REFETCH = Duration.ofSeconds(10);
  private static final int VERIFIED_TOKENS = 10_000;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  /** Auth's URL, for when the grid knows no auth instance. */
  @Inject
  @ConfigProperty(name = "auth.url")
  String authUrl;

  /** Auth's instances in the data grid (none in a test). */
  @Inject Directory directory;

  @Inject
  @ConfigProperty(name = "jwt.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "jwt.audience")
  String audience;

  private final Map<String, RSASSAVerifier> keys = new ConcurrentHashMap<>();

  /** Tokens whose signature and claims checked out, until they expire; at most VERIFIED_TOKENS. */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(Caller caller, long until) {}

  private volatile Instant lastFetch = Instant.EPOCH;
  private final AtomicInteger turn = new AtomicInteger();

  /** The time tokens expire against (a test sets its own). */
  Clock clock = Clock.systemUTC();

  /**
   * The caller of a request: null without a bearer token, an {@link InvalidTokenException} for a
   * bad one. Verified once per request, however many filters ask.
   */
  public Caller callerOf(HttpServletRequest request) {
    Object known = request.getAttribute(CALLER);
    if (known == null) {
      String authorization = request.getHeader("Authorization");
      if (!isBearer(authorization)) {
        return null;
      }
      try {
        known = verify(authorization.substring(BEARER.length()).trim());
      } catch (InvalidTokenException e) {
        known = e;
      }
      request.setAttribute(CALLER, known);
    }
    if (known instanceof InvalidTokenException invalid) {
      throw invalid;
    }
    return (Caller) known;
  }

  /** The signed-in caller's subject, or null without a valid token. */
  public String subjectOf(HttpServletRequest request) {
    try {
      Caller caller = callerOf(request);
      return caller == null ? null : caller.subject();
    } catch (InvalidTokenException e) {
      return null;
    }
  }

  static boolean isBearer(String authorization) {
    return authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  /**
   * The caller a token names, verified once per token: a client sends the same token until it
   * expires, and checking an RSA signature costs more than the rest of a request here.
   */
  public Caller verify(String token) {
    Verified known = verified.get(token);
    if (known != null && known.until() > clock.millis()) {
      return known.caller();
    }
    return check(token);
  }

  private Caller check(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("The token is not a valid signed JWT.");
    }
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("Only RS256 tokens are accepted.");
    }
    RSASSAVerifier key = key(jwt.getHeader().getKeyID());
    if (!signatureValid(jwt, key)) {
      throw new InvalidTokenException("The token's signature is not valid.");
    }
    Date expiry = claims.getExpirationTime();
    long until = expiry == null ? 0 : expiry.getTime() + SKEW.toMillis();
    if (until < clock.millis()) {
      throw new InvalidTokenException("The token has expired.");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidTokenException("The token is not from this system's issuer.");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw new InvalidTokenException("The token is not for this system.");
    }
    Caller caller = new Caller(claims.getSubject(), groups(claims));
    if (verified.size() >= VERIFIED_TOKENS) {
      long now = clock.millis();
      verified.values().removeIf(v -> v.until() < now);
      if (verified.size() >= VERIFIED_TOKENS) {
        verified.clear();
      }
    }
    verified.put(token, new Verified(caller, until));
    return caller;
  }

  private static List<String> groups(JWTClaimsSet claims) {
    try {
      List<String> groups = claims.getStringListClaim("groups");
      return groups == null ? List.of() : List.copyOf(groups);
    } catch (ParseException | NullPointerException e) {
      throw new InvalidTokenException("The token's groups are not a list of names.");
    }
  }

  private static boolean signatureValid(SignedJWT jwt, RSASSAVerifier key) {
    try {
      return jwt.verify(key);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  private RSASSAVerifier key(String kid) {
    String id = kid == null ? "" : kid;
    RSASSAVerifier key = keys.get(id);
    if (key == null) {
      key = fetched(id);
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
  private synchronized RSASSAVerifier fetched(String kid) {
    RSASSAVerifier key = keys.get(kid);
    if (key == null && clock.instant().isAfter(lastFetch.plus(REFETCH))) {
      fetchKeys();
      key = keys.get(kid);
    }
    return key;
  }

  /**
   * Learns auth's keys ahead of the first token, when the instance starts; a failure leaves the
   * fetch to the first token, as before.
   */
  public void prefetchKeys() {
    for (String auth : authUrls()) {
      if (fetchKeys(auth)) {
        return;
      }
    }
  }

  /** From any auth instance: the next in turn first, the others if it fails. */
  private void fetchKeys() {
    lastFetch = clock.instant();
    prefetchKeys();
  }

  /** Auth's instances in the grid, starting with the next in turn; else its configured URL. */
  List<String> authUrls() {
    List<URI> inGrid = directory == null ? List.of() : directory.urlsOf(AUTH);
    if (inGrid.isEmpty()) {
      return List.of(authUrl);
    }
    int first = Math.floorMod(turn.getAndIncrement(), inGrid.size());
    List<String> urls = new ArrayList<>();
    for (int i = 0; i < inGrid.size(); i++) {
      urls.add(inGrid.get((first + i) % inGrid.size()).toString());
    }
    return urls;
  }

  private boolean fetchKeys(String auth) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(auth + "/api/v1/auth/jwks"))
              .timeout(Duration.ofSeconds(3))
              .build();
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return false;
      }
      for (JWK jwk : JWKSet.parse(response.body()).getKeys()) {
        if (jwk instanceof RSAKey rsa) {
          keys.put(jwk.getKeyID() == null ? "" : jwk.getKeyID(), new RSASSAVerifier(rsa));
        }
      }
      return true;
    } catch (java.io.IOException | ParseException | JOSEException | RuntimeException e) {
      // this instance unreachable or a malformed key set: the next one, else tokens with unknown
      // keys are refused meanwhile
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
