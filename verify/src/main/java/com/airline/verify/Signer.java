package com.airline.verify;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** JSON Web Tokens made here: RS256, HS256, or unsigned ({@code alg: none}). */
final class Signer {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private Signer() {}

  static String rs256(String kid, JsonObject claims, PrivateKey key) {
    String input = input(header("RS256", kid), claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + BASE64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hs256(String kid, JsonObject claims, byte[] secret) {
    String input = input(header("HS256", kid), claims);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return input
          + "."
          + BASE64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(String kid, JsonObject claims) {
    return input(header("none", kid), claims) + ".";
  }

  /** The claims of a token (its payload, unverified). */
  static JsonObject claims(String token) {
    String[] parts = token.split("\\.");
    String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new java.io.StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The token with its payload replaced and its signature kept. */
  static String withClaims(String token, JsonObject claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(claims) + "." + parts[2];
  }

  private static JsonObject header(String alg, String kid) {
    var header = Json.createObjectBuilder().add("alg", alg).add("typ", "JWT");
    if (kid != null) {
      header.add("kid", kid);
    }
    return header.build();
  }

  private static String input(JsonObject header, JsonObject claims) {
    return encode(header) + "." + encode(claims);
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  static RSAPrivateCrtKey parsePrivateKey(String text) {
    String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("Not a PKCS#8 RSA private key", e);
    }
  }

  /**
   * Where auth's signing key is: JWT_PRIVATE_KEY when the platform is given one, else the key auth
   * generated into its database (the oldest row of signing_key signs).
   */
  record Source(String configured, String jdbcUrl, String user, String password) {

    static Source from(Map<String, String> env) {
      String url =
          "jdbc:mysql://"
              + env.getOrDefault("DB_HOST", "127.0.0.1")
              + ":"
              + env.getOrDefault("DB_PORT", "3306")
              + "/"
              + env.getOrDefault("AUTH_DB_NAME", "airline_auth");
      String configured = env.get("JWT_PRIVATE_KEY");
      return new Source(
          configured == null || configured.isBlank() ? null : configured,
          url,
          env.getOrDefault("DB_USER", "root"),
          env.getOrDefault("DB_PASSWORD", ""));
    }

    RSAPrivateCrtKey load() {
      if (configured != null) {
        return parsePrivateKey(configured);
      }
      try (var connection = DriverManager.getConnection(jdbcUrl, user, password);
          var statement =
              connection.prepareStatement(
                  "SELECT private_key FROM signing_key ORDER BY created_at, kid LIMIT 1");
          var rows = statement.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("auth has no signing key in " + jdbcUrl);
        }
        return parsePrivateKey(rows.getString(1));
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Cannot read auth's signing key at " + jdbcUrl + ": " + e, e);
      }
    }
  }
}
