package com.airline.auth.tokens.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** RS256 compact JWTs and RSA JSON Web Keys with the JDK alone. */
public final class Jwt {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  public static String sign(JsonObject header, JsonObject claims, PrivateKey key) {
    String signingInput =
        encode(header.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + encode(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + encode(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with RS256", e);
    }
  }

  public static JsonObject jwk(RSAPublicKey key, String kid) {
    return JSON.createObjectBuilder()
        .add("kty", "RSA")
        .add("use", "sig")
        .add("alg", "RS256")
        .add("kid", kid)
        .add("n", encode(unsigned(key.getModulus())))
        .add("e", encode(unsigned(key.getPublicExponent())))
        .build();
  }

  /** RFC 7638 thumbprint: a key id that follows from the key itself. */
  public static String thumbprint(RSAPublicKey key) {
    String canonical =
        "{\"e\":\""
            + encode(unsigned(key.getPublicExponent()))
            + "\",\"kty\":\"RSA\",\"n\":\""
            + encode(unsigned(key.getModulus()))
            + "\"}";
    try {
      return encode(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
    try {
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#8 RSA key, PEM ("-----BEGIN PRIVATE KEY-----") or bare Base64. */
  public static RSAPrivateCrtKey parsePrivateKey(String text) {
    String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("Not a PKCS#8 RSA private key", e);
    }
  }

  static String encode(byte[] bytes) {
    return URL.encodeToString(bytes);
  }

  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }
}
