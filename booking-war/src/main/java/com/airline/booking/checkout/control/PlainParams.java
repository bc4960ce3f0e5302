package com.airline.booking.checkout.control;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Converters for the REST clients' path and header parameters ({@code long} and {@code String}).
 * Without them Jersey looks for a {@code valueOf} or {@code fromString} method by reflection on
 * every call, and each miss throws a NoSuchMethodException: about 3 % of the booking service's CPU.
 */
public class PlainParams implements ParamConverterProvider {

  private static final ParamConverter<String> STRING =
      new ParamConverter<>() {
        @Override
        public String fromString(String value) {
          return value;
        }

        @Override
        public String toString(String value) {
          return value;
        }
      };

  private static final ParamConverter<Long> LONG =
      new ParamConverter<>() {
        @Override
        public Long fromString(String value) {
          return Long.valueOf(value);
        }

        @Override
        public String toString(Long value) {
          return value.toString();
        }
      };

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == String.class) {
      return (ParamConverter<T>) STRING;
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>) LONG;
    }
    return null;
  }
}
