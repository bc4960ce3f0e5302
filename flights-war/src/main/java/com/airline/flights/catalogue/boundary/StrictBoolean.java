package com.airline.flights.catalogue.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * JSON true or false, nothing else: JSON-B's own reads any string as a boolean ({@code "sometimes"}
 * is false), which would turn a typo into a silent change.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

  @Override
  public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
    return switch (parser.getValue().getValueType()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      default -> throw new JsonbException("expected true or false");
    };
  }
}
