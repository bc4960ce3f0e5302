package com.airline.auth.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A generated key pair, kept so that restarts and other instances sign with the same key. */
@Entity
@Table(name = "signing_key")
@NamedQuery(
    name = SigningKey.OLDEST_FIRST,
    query = "select k from SigningKey k order by k.createdAt, k.kid")
public class SigningKey {

  public static final String OLDEST_FIRST = "SigningKey.oldestFirst";

  @Id
  @Column(name = "kid")
  private String kid;

  /** PKCS#8, Base64. */
  @Column(name = "private_key", nullable = false)
  private String privateKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SigningKey() {}

  public SigningKey(String kid, String privateKey) {
    this.kid = kid;
    this.privateKey = privateKey;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public String getPrivateKey() {
    return privateKey;
  }
}
