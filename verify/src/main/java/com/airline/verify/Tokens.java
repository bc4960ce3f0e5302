package com.airline.verify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who gets in: tokens that are wrong in every way an attacker tries, another user's booking, and
 * password guessing at sign-in.
 */
final class Tokens {

  static final String NAME = "tokens";
  static final String OTHERS = "others' bookings";
  static final String GUESSING = "sign-in guessing";

  /** The most wrong passwords sent before the limit must have come. */
  static final int MOST_GUESSES = 100;

  private static final List<String> TARGETS = List.of("api/v1/auth/me", "api/v1/bookings");

  private final Platform platform;

  Tokens(Platform platform) {
    this.platform = platform;
  }

  /** Each forged token against signed-in operations: every one 401 problem+json. */
  Outcome forged() throws GeneralSecurityException {
    Platform.User user = platform.signUp("tokens");
    String real = user.client().token();
    JsonObject claims = Signer.claims(real);
    String kid = header(real).getString("kid");
    JsonObject admin = with(claims, "groups", Json.createArrayBuilder().add("ADMIN").build());
    long now = Instant.now().getEpochSecond();
    PrivateKey stranger = newKey();

    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("no token", null);
    refused.put("not a JWT", "not-a-token");
    refused.put("payload changed to ADMIN, signature kept", Signer.withClaims(real, admin));
    refused.put("alg none", Signer.unsigned(kid, admin));
    refused.put("HS256 keyed with the published RSA key", Signer.hs256(kid, admin, published(kid)));
    refused.put("signed by an unknown key under the real kid", Signer.rs256(kid, claims, stranger));
    refused.put(
        "signed by an unknown key and kid", Signer.rs256("verify-unknown", claims, stranger));
    List<String> failures = new ArrayList<>();
    Map<String, String> accepted = new LinkedHashMap<>();
    accepted.put("the user's own token", real);
    try {
      RSAPrivateCrtKey key = platform.options.signingKey().load();
      JsonObject fresh = with(with(claims, "iat", now), "exp", now + 600);
      accepted.put("one made here with auth's key", Signer.rs256(kid, fresh, key));
      refused.put(
          "expired, with auth's key",
          Signer.rs256(kid, with(with(claims, "iat", now - 3600), "exp", now - 60), key));
      refused.put("another iss, with auth's key", Signer.rs256(kid, with(fresh, "iss", "x"), key));
      refused.put("another aud, with auth's key", Signer.rs256(kid, with(fresh, "aud", "x"), key));
    } catch (RuntimeException e) {
      failures.add("expired, wrong iss and wrong aud not tried: " + e.getMessage());
    }

    List<List<String>> rows = new ArrayList<>();
    int requests = TARGETS.size() * (refused.size() + accepted.size());
    int notTried = failures.size();
    for (var token : refused.entrySet()) {
      rows.add(call(token.getKey(), token.getValue(), 401, failures));
    }
    for (var token : accepted.entrySet()) {
      rows.add(call(token.getKey(), token.getValue(), 200, failures));
    }
    return new Outcome(
        NAME,
        refused.size()
            + " forged or wrong tokens and "
            + accepted.size()
            + " right ones against "
            + String.join(", ", TARGETS),
        (requests - (failures.size() - notTried))
            + " of "
            + requests
            + " requests answered as they must be (401 problem+json, 200 for the right ones)",
        failures,
        new Outcome.Table(List.of("token", "expected", "got"), rows));
  }

  private List<String> call(String label, String token, int expected, List<String> failures) {
    Client client = platform.anonymous().as(token);
    List<String> got = new ArrayList<>();
    for (String target : TARGETS) {
      Client.Reply reply = client.get(target);
      got.add(reply.status() + "");
      String problem = expected == 200 ? null : reply.problemFault();
      if (reply.status() != expected || problem != null) {
        failures.add(
            label
                + " on "
                + target
                + ": expected "
                + expected
                + ", got "
                + reply
                + (problem == null ? "" : " (" + problem + ")"));
      }
    }
    return List.of(label, String.valueOf(expected), String.join(", ", got));
  }

  /** Another user reads and cancels someone's booking: 404 each, and the booking stays. */
  Outcome othersBookings() {
    long flight = platform.flight(2, Duration.ofDays(7)).getJsonNumber("id").longValue();
    Platform.User owner = platform.signUp("owner");
    Platform.User other = platform.signUp("other");
    Client.Reply booked =
        Platform.book(owner.client(), flight, 1, "Verify Owner", owner.email(), Map.of());
    Platform.expect(201, booked, "the owner's booking");
    String reference = booked.json().getString("reference");
    List<String> failures = new ArrayList<>();
    Client.Reply read = other.client().get("api/v1/bookings/" + reference);
    Client.Reply cancel = other.client().post("api/v1/bookings/" + reference + "/cancel", null);
    Client.Reply list = other.client().get("api/v1/bookings");
    for (var reply : Map.of("read", read, "cancel", cancel).entrySet()) {
      if (reply.getValue().status() != 404 || reply.getValue().problemFault() != null) {
        failures.add(
            "another user's " + reply.getKey() + ": expected 404, got " + reply.getValue());
      }
    }
    if (list.status() != 200 || list.body().contains(reference)) {
      failures.add("another user's list shows it: " + list);
    }
    Client.Reply after = owner.client().get("api/v1/bookings/" + reference);
    if (after.status() != 200 || !"CONFIRMED".equals(after.json().getString("status"))) {
      failures.add("the owner's booking after the attempts: " + after);
    }
    return new Outcome(
        OTHERS,
        "a user reads, cancels and lists another user's booking",
        "read " + read.status() + ", cancel " + cancel.status() + ", list without it",
        failures);
  }

  /**
   * Wrong passwords for one account from one address until the gateway limits it: a 429 with
   * Retry-After, which the right password from there gets too, while another address signs in.
   */
  Outcome guessing() {
    Platform.User user = platform.signUp("guessed");
    Client guesser = platform.anonymous();
    JsonObject wrong =
        Json.createObjectBuilder()
            .add("email", user.email())
            .add("password", "wrong-guess")
            .build();
    JsonObject right =
        Json.createObjectBuilder()
            .add("email", user.email())
            .add("password", user.password())
            .build();
    List<String> failures = new ArrayList<>();
    int sent = 0;
    Client.Reply reply = null;
    String limit = "?";
    while (sent < MOST_GUESSES) {
      reply = guesser.post("api/v1/auth/signin", wrong);
      sent++;
      if (reply.header("RateLimit-Limit") != null) {
        limit = reply.header("RateLimit-Limit");
      }
      if (reply.status() != 401) {
        break;
      }
    }
    if (reply.status() != 429) {
      failures.add(
          "after " + sent + " wrong passwords (limit " + limit + "): " + reply + ", not 429");
    } else {
      if (reply.problemFault() != null || reply.header("Retry-After") == null) {
        failures.add(
            "the 429 is no problem+json with Retry-After: " + reply + " " + reply.headers());
      }
      Client.Reply stillLimited = guesser.post("api/v1/auth/signin", right);
      if (stillLimited.status() != 429) {
        failures.add("the right password from the guessing address: " + stillLimited);
      }
    }
    Client.Reply elsewhere = platform.anonymous().post("api/v1/auth/signin", right);
    if (elsewhere.status() != 200) {
      failures.add("the right password from another address: " + elsewhere);
    }
    return new Outcome(
        GUESSING,
        "wrong passwords for one account from one address, until " + MOST_GUESSES + " at most",
        "429 after " + sent + " attempts (limit " + limit + "); another address signs in",
        failures);
  }

  private static JsonObject header(String token) {
    String json =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
            StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonObject with(JsonObject claims, String name, Object value) {
    var copy = Json.createObjectBuilder(claims);
    if (value instanceof Long number) {
      copy.add(name, number);
    } else if (value instanceof String text) {
      copy.add(name, text);
    } else {
      copy.add(name, (JsonValue) value);
    }
    return copy.build();
  }

  /** The published RSA key of that kid, X.509-encoded: the secret of the HS256 confusion attack. */
  private byte[] published(String kid) throws GeneralSecurityException {
    Client.Reply jwks = platform.anonymous().get("api/v1/auth/jwks");
    Platform.expect(200, jwks, "the JWKS");
    for (JsonValue value : jwks.json().getJsonArray("keys")) {
      JsonObject key = value.asJsonObject();
      if (kid.equals(key.getString("kid", null))) {
        Base64.Decoder decoder = Base64.getUrlDecoder();
        RSAPublicKey rsa =
            (RSAPublicKey)
                KeyFactory.getInstance("RSA")
                    .generatePublic(
                        new RSAPublicKeySpec(
                            new BigInteger(1, decoder.decode(key.getString("n"))),
                            new BigInteger(1, decoder.decode(key.getString("e")))));
        return rsa.getEncoded();
      }
    }
    throw new IllegalStateException("the JWKS lacks the key " + kid + " that signed a token");
  }

  private static PrivateKey newKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair().getPrivate();
  }
}
