package com.airline.auth;

import static com.airline.it.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import com.airline.it.TestUsers.TestUser;
import com.airline.it.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokensIT {

  static Http auth;

  @BeforeAll
  static void start() {
    auth = Http.to(Airline.start("auth"));
  }

  @Test
  void signIn_issuesRs256TokenWithTheContractClaims() {
    TestUser user = TestUsers.signUp(auth);
    Http.Reply reply =
        auth.post(
            "/api/v1/auth/signin",
            json("email", user.email().toUpperCase(), "password", user.password()));

    assertEquals(200, reply.status(), reply.body());
    assertEquals("Bearer", reply.json().getString("tokenType"));
    assertEquals(3600, reply.json().getInt("expiresIn"));
    String token = reply.json().getString("accessToken");
    JsonObject claims = Tokens.claims(token);
    assertEquals("RS256", Tokens.header(token).getString("alg"));
    assertEquals("airline-auth", claims.getString("iss"));
    assertEquals("airline", claims.getString("aud"));
    assertEquals(user.id(), claims.getString("sub"));
    assertEquals(user.email(), claims.getString("upn"));
    assertEquals("[\"USER\"]", claims.getJsonArray("groups").toString());
    long now = Instant.now().getEpochSecond();
    assertTrue(Math.abs(claims.getJsonNumber("iat").longValue() - now) < 60);
    assertEquals(
        3600, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
  }

  @Test
  void jwks_publishesTheKeyThatVerifiesIssuedTokens() throws Exception {
    String token = TestUsers.signUp(auth).token();
    JsonObject jwk = auth.get("/api/v1/auth/jwks").json().getJsonArray("keys").getJsonObject(0);

    assertEquals(Tokens.header(token).getString("kid"), jwk.getString("kid"));
    assertEquals("RSA", jwk.getString("kty"));
    assertTrue(!jwk.containsKey("d"), "the private exponent must never be published");
    Base64.Decoder url = Base64.getUrlDecoder();
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, url.decode(jwk.getString("n"))),
                    new BigInteger(1, url.decode(jwk.getString("e")))));
    String[] parts = token.split("\\.");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(key);
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rsa.verify(url.decode(parts[2])));
  }

  /**
   * A new JWT_PRIVATE_KEY signs nobody out: an instance with another key beside this run's (as in a
   * rolling change), and both keys are published by both and accepted by the services, also after
   * the instance with the new key has stopped (the tokens it signed are still valid).
   */
  @Test
  void aNewSigningKey_signsNobodyOut_bothKeysStayPublished() throws Exception {
    String before = TestUsers.signUp(auth).token();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String newKey =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Http booking = Http.to(Airline.start("booking"));
    String after;
    try {
      Http second =
          Http.to(
              Airline.startInstance("auth", "second-auth", 10, Map.of("JWT_PRIVATE_KEY", newKey)));
      TestUser user = TestUsers.signUp(second);
      after = user.token();
      Set<String> both = Set.of(kid(before), kid(after));
      assertEquals(2, both.size(), "the second instance signs with its own key");

      assertEquals(both, kids(second));
      Await.until(
          () -> kids(auth).equals(both),
          Duration.ofSeconds(30),
          "the first instance publishes the new key too");
      Await.until(
          () -> booking.as(after).get("/api/v1/bookings").status() == 200,
          Duration.ofSeconds(30),
          "booking accepts a token signed with the new key");
      assertEquals(200, booking.as(before).get("/api/v1/bookings").status());
    } finally {
      Airline.stopInstance("second-auth");
    }
    assertTrue(kids(auth).contains(kid(after)), "the new key is still published");
    assertEquals(200, booking.as(after).get("/api/v1/bookings").status());
  }

  private static String kid(String token) {
    return Tokens.header(token).getString("kid");
  }

  private static Set<String> kids(Http auth) {
    return auth.get("/api/v1/auth/jwks").json().getJsonArray("keys").stream()
        .map(key -> key.asJsonObject().getString("kid"))
        .collect(Collectors.toSet());
  }

  @Test
  void signIn_whenPasswordWrongOrEmailUnknown_answersTheSame401() {
    TestUser user = TestUsers.signUp(auth);
    Http.Reply wrongPassword =
        auth.post("/api/v1/auth/signin", json("email", user.email(), "password", "wrong-password"));
    Http.Reply unknownEmail =
        auth.post(
            "/api/v1/auth/signin",
            json("email", TestUsers.uniqueEmail("nobody"), "password", user.password()));

    assertEquals(401, wrongPassword.status());
    assertEquals(401, unknownEmail.status());
    assertEquals("application/problem+json", wrongPassword.contentType().split(";")[0]);
    assertEquals(wrongPassword.json().getString("detail"), unknownEmail.json().getString("detail"));
  }

  @Test
  void signIn_whenFieldsMissing_returns400() {
    Http.Reply reply = auth.post("/api/v1/auth/signin", json("email", "a@it.test"));
    assertEquals(400, reply.status(), reply.body());
    assertEquals(
        "password", reply.json().getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void me_withValidToken_returnsTheCaller() {
    TestUser user = TestUsers.signUp(auth);
    Http.Reply me = auth.as(user.token()).get("/api/v1/auth/me");
    assertEquals(200, me.status(), me.body());
    assertEquals(user.id(), me.json().getString("id"));
  }

  @Test
  void me_withoutToken_returns401Problem() {
    Http.Reply me = auth.get("/api/v1/auth/me");
    assertEquals(401, me.status());
    assertEquals("application/problem+json", me.contentType().split(";")[0]);
  }

  @Test
  void me_withTamperedToken_returns401() {
    String token = TestUsers.signUp(auth).token();
    String[] parts = token.split("\\.");
    String otherClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                Tokens.changed(token, "sub", "someone-else")
                    .toString()
                    .getBytes(StandardCharsets.UTF_8));
    assertUnauthorized(parts[0] + "." + otherClaims + "." + parts[2]);
  }

  @Test
  void me_withExpiredToken_returns401() throws Exception {
    String token = TestUsers.signUp(auth).token();
    long past = Instant.now().minusSeconds(7200).getEpochSecond();
    JsonObject claims =
        Json.createObjectBuilder(Tokens.changed(token, "exp", past))
            .add("iat", past - 3600)
            .build();
    assertUnauthorized(Tokens.signed(Tokens.header(token), claims));
  }

  @Test
  void me_withWrongIssuerOrAudience_returns401() throws Exception {
    String token = TestUsers.signUp(auth).token();
    assertUnauthorized(
        Tokens.signed(Tokens.header(token), Tokens.changed(token, "iss", "someone-else")));
    assertUnauthorized(
        Tokens.signed(Tokens.header(token), Tokens.changed(token, "aud", "another-system")));
  }

  @Test
  void me_withUnsignedAlgNoneToken_returns401() {
    String token = TestUsers.signUp(auth).token();
    assertUnauthorized(Tokens.unsigned(Tokens.claims(token)));
  }

  @Test
  void forgedButValidlySignedToken_isAccepted_soTheRejectionsAboveAreAboutTheClaims()
      throws Exception {
    String token = TestUsers.signUp(auth).token();
    Http.Reply me =
        auth.as(Tokens.signed(Tokens.header(token), Tokens.claims(token))).get("/api/v1/auth/me");
    assertEquals(200, me.status(), me.body());
  }

  private static void assertUnauthorized(String token) {
    Http.Reply me = auth.as(token).get("/api/v1/auth/me");
    assertEquals(401, me.status(), me.body());
    assertEquals("application/problem+json", me.contentType().split(";")[0]);
  }
}
