package com.airline.chassis.schema;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * JPA 3.1 has no Instant; the connection's time zone is UTC, so a Timestamp carries it exactly, to
 * the second: MariaDB announces itself to Connector/J as "5.5.5-10.x", too old for fractional
 * seconds, so the driver drops them. Entities keep whole seconds, so what they answer equals what
 * is stored.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

  @Override
  public Timestamp convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  @Override
  public Instant convertToEntityAttribute(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
