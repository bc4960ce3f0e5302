package com.airline.auth.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JwtTest {

  static RSAPrivateCrtKey privateKey;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    privateKey = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
  }

  @Test
  void sign_producesAnRs256SignatureOverHeaderAndClaims() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-1").build();

    String[] parts = Jwt.sign(claims, "k-1", privateKey).split("\\.");

    assertEquals(3, parts.length);
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertTrue(header.contains("\"alg\":\"RS256\"") && header.contains("\"kid\":\"k-1\""), header);
    assertEquals(
        "{\"sub\":\"u-1\"}",
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    assertFalse(parts[2].contains("="), "base64url without padding");
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(Jwt.publicKeyOf(privateKey));
    rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])));
  }

  @Test
  void jwk_rebuildsThePublicKey_andCarriesNoPrivatePart() throws Exception {
    RSAPublicKey publicKey = Jwt.publicKeyOf(privateKey);
    JsonObject jwk = Jwt.jwk(publicKey, Jwt.thumbprint(publicKey));

    var decoder = Base64.getUrlDecoder();
    var rebuilt =
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, decoder.decode(jwk.getString("n"))),
                    new BigInteger(1, decoder.decode(jwk.getString("e")))));
    assertEquals(publicKey, rebuilt);
    assertEquals("AQAB", jwk.getString("e"));
    assertFalse(jwk.containsKey("d"));
  }

  @Test
  void thumbprint_isStablePerKeyAndDiffersBetweenKeys() throws Exception {
    RSAPublicKey publicKey = Jwt.publicKeyOf(privateKey);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPublicKey other = (RSAPublicKey) generator.generateKeyPair().getPublic();

    assertEquals(Jwt.thumbprint(publicKey), Jwt.thumbprint(Jwt.publicKeyOf(privateKey)));
    assertEquals(43, Jwt.thumbprint(publicKey).length(), "SHA-256 in base64url");
    assertFalse(Jwt.thumbprint(publicKey).equals(Jwt.thumbprint(other)));
  }

  @Test
  void parsePrivateKey_readsPkcs8PemAndBareBase64_andRejectsGarbage() {
    String base64 = Base64.getEncoder().encodeToString(privateKey.getEncoded());
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + base64.replaceAll("(.{64})", "$1\n")
            + "\n-----END PRIVATE KEY-----\n";

    assertEquals(privateKey, Jwt.parsePrivateKey(pem));
    assertEquals(privateKey, Jwt.parsePrivateKey(base64));
    assertThrows(IllegalArgumentException.class, () -> Jwt.parsePrivateKey("not a key"));
  }
}
