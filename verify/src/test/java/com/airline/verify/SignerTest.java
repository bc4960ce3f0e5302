package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignerTest {

  static final JsonObject CLAIMS =
      Json.createObjectBuilder().add("sub", "42").add("exp", 2_000_000_000L).build();

  @Test
  void rs256_verifiesWithThePublicKey_andCarriesTheClaims() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String token = Signer.rs256("k1", CLAIMS, pair.getPrivate());
    String[] parts = token.split("\\.");
    Signature check = Signature.getInstance("SHA256withRSA");
    check.initVerify(pair.getPublic());
    check.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(check.verify(Base64.getUrlDecoder().decode(parts[2])));
    assertEquals(CLAIMS, Signer.claims(token));
    String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
    assertEquals("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", header);
  }

  @Test
  void withClaims_keepsHeaderAndSignature_unsignedHasNone() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String token = Signer.rs256("k1", CLAIMS, pair.getPrivate());
    JsonObject other = Json.createObjectBuilder(CLAIMS).add("sub", "43").build();
    String tampered = Signer.withClaims(token, other);
    assertEquals(token.split("\\.")[0], tampered.split("\\.")[0]);
    assertEquals(token.split("\\.")[2], tampered.split("\\.")[2]);
    assertEquals(other, Signer.claims(tampered));
    String unsigned = Signer.unsigned("k1", CLAIMS);
    assertTrue(unsigned.endsWith("."));
    assertFalse(unsigned.equals(token));
  }

  @Test
  void parsePrivateKey_readsPemAndBareBase64() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    String base64 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    String pem = "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
    assertEquals(pair.getPrivate(), Signer.parsePrivateKey(pem));
    assertEquals(pair.getPrivate(), Signer.parsePrivateKey(base64));
  }
}
