package com.airline.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Tokens made by the test to probe the verifiers: signed with auth's real key (read from the run's
 * own auth database) but with claims a real sign-in never issues, or unsigned.
 */
public final class Tokens {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  public static JsonObject claims(String token) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }

  public static JsonObject header(String token) {
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(header))) {
      return reader.readObject();
    }
  }

  /** The claims of a real token with some replaced. */
  public static JsonObject changed(String token, String name, Object value) {
    JsonObjectBuilder builder = Json.createObjectBuilder(claims(token));
    if (value instanceof Long n) {
      builder.add(name, n);
    } else {
      builder.add(name, value.toString());
    }
    return builder.build();
  }

  public static String signed(JsonObject header, JsonObject claims) throws Exception {
    String input = encode(header) + "." + encode(claims);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(authKey());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + URL.encodeToString(rsa.sign());
  }

  public static String unsigned(JsonObject claims) {
    return encode(Json.createObjectBuilder().add("alg", "none").add("typ", "JWT").build())
        + "."
        + encode(claims)
        + ".";
  }

  private static String encode(JsonObject json) {
    return URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static PrivateKey authKey() throws Exception {
    String key =
        Sql.one(
            "auth",
            "SELECT private_key FROM signing_key ORDER BY created_at, kid LIMIT 1",
            row -> row.getString(1));
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
  }
}
