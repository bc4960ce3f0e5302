package com.airline.chassis.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.airline.chassis.grid.Directory;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a JWKS served over HTTP, as auth serves it, with tokens signed by its key. */
class TokenVerifierTest {

  static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  KeyPair pair;
  HttpServer auth;
  TokenVerifier verifier;
  final AtomicInteger jwksFetches = new AtomicInteger();
  volatile long jwksDelayMillis;

  @BeforeEach
  void serveKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    pair = generator.generateKeyPair();
    RSAPublicKey key = (RSAPublicKey) pair.getPublic();
    byte[] jwks =
        ("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"n\":\""
                + URL.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\""
                + URL.encodeToString(key.getPublicExponent().toByteArray())
                + "\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    auth = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    auth.createContext(
        "/api/v1/auth/jwks",
        exchange -> {
          jwksFetches.incrementAndGet();
          try {
            Thread.sleep(jwksDelayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    auth.start();
    verifier = new TokenVerifier();
    verifier.authUrl = "http://127.0.0.1:" + auth.getAddress().getPort();
    verifier.issuer = "https://airline.test";
    verifier.audience = "airline";
  }

  @AfterEach
  void stop() {
    auth.stop(0);
  }

  @Test
  void verify_acceptsAValidToken_andChecksItsSignatureOnce() throws Exception {
    String token = token("{\"sub\":\"42\",\"groups\":[\"USER\"]", 300);

    assertEquals(new TokenVerifier.Caller("42", List.of("USER")), verifier.verify(token));
    assertEquals(new TokenVerifier.Caller("42", List.of("USER")), verifier.verify(token));
    assertEquals(1, jwksFetches.get());
  }

  @Test
  void verify_fetchesTheKeysFromAnAuthInstanceOfTheGrid_pastOneThatIsGone() throws Exception {
    URI served = URI.create(verifier.authUrl);
    URI gone;
    try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
      gone = URI.create("http://127.0.0.1:" + closed.getLocalPort());
    }
    verifier.authUrl = "http://127.0.0.1:1"; // not asked while the grid knows auth instances
    verifier.directory =
        new Directory() {
          @Override
          public List<URI> urlsOf(String service) {
            return service.equals("auth") ? List.of(gone, served) : List.of();
          }
        };
    assertEquals(List.of(gone.toString(), served.toString()), verifier.authUrls());
    assertEquals(List.of(served.toString(), gone.toString()), verifier.authUrls(), "in turn");

    assertEquals("42", verifier.verify(token("{\"sub\":\"42\"", 300)).subject());
    assertEquals(1, jwksFetches.get());
  }

  @Test
  void verify_acceptsValidTokens_thatArriveTogetherBeforeTheKeysAreKnown() throws Exception {
    jwksDelayMillis = 300; // auth answering slowly, as right after a start
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tokens.add(token("{\"sub\":\"" + i + "\"", 300));
    }
    ExecutorService requests = Executors.newFixedThreadPool(tokens.size());
    try {
      List<Future<TokenVerifier.Caller>> callers = new ArrayList<>();
      for (String token : tokens) {
        callers.add(requests.submit(() -> verifier.verify(token)));
      }
      for (int i = 0; i < tokens.size(); i++) {
        assertEquals(Integer.toString(i), callers.get(i).get().subject());
      }
    } finally {
      requests.shutdownNow();
    }
    assertEquals(1, jwksFetches.get());
  }

  @Test
  void verify_refusesAKnownToken_onceItHasExpired_pastTheClockSkew() throws Exception {
    Instant exp = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
    String token = tokenExpiring("{\"sub\":\"42\"", exp.getEpochSecond());

    verifier.clock = Clock.fixed(exp.plusSeconds(29), ZoneOffset.UTC);
    assertEquals("42", verifier.verify(token).subject(), "inside the 30 s of skew");

    verifier.clock = Clock.fixed(exp.plusSeconds(31), ZoneOffset.UTC);
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(token));
  }

  @Test
  void verify_refusesUnsignedAndHmacTokens_andForeignIssuerOrAudience() throws Exception {
    String valid = token("{\"sub\":\"42\"", 300);
    String[] parts = valid.split("\\.");
    String none = URL.encodeToString("{\"alg\":\"none\",\"kid\":\"k1\"}".getBytes());
    javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
    hmac.init(new javax.crypto.spec.SecretKeySpec(pair.getPublic().getEncoded(), "HmacSHA256"));
    String hs256 = URL.encodeToString("{\"alg\":\"HS256\",\"kid\":\"k1\"}".getBytes());
    String hmacSigned =
        hs256
            + "."
            + parts[1]
            + "."
            + URL.encodeToString(
                hmac.doFinal((hs256 + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));

    assertThrows(
        TokenVerifier.InvalidTokenException.class,
        () -> verifier.verify(none + "." + parts[1] + "."));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(hmacSigned));
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify("not.a.jwt"));
    verifier.issuer = "https://elsewhere.test";
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(valid));
    verifier.issuer = "https://airline.test";
    verifier.audience = "another-system";
    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(valid));
  }

  @Test
  void verify_refusesATamperedCopyOfAKnownToken() throws Exception {
    String token = token("{\"sub\":\"42\",\"groups\":[\"USER\"]", 300);
    verifier.verify(token);
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + URL.encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("USER", "ADMIN")
                    .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThrows(TokenVerifier.InvalidTokenException.class, () -> verifier.verify(forged));
  }

  /** A token signed with the served key; {@code claims} is an unclosed JSON object. */
  String token(String claims, long expiresInSeconds) throws Exception {
    return tokenExpiring(claims, Instant.now().getEpochSecond() + expiresInSeconds);
  }

  String tokenExpiring(String claims, long exp) throws Exception {
    String header = URL.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes());
    String payload =
        URL.encodeToString(
            (claims + ",\"iss\":\"https://airline.test\",\"aud\":\"airline\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(pair.getPrivate());
    rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + URL.encodeToString(rsa.sign());
  }

  static byte[] unsigned(byte[] twosComplement) {
    return twosComplement[0] == 0
        ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length)
        : twosComplement;
  }
}
