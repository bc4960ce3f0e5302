package com.airline.flights;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A row that keeps when it was created, to the second. */
@MappedSuperclass
public abstract class Recorded {

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @PrePersist
  void created() {
    createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
