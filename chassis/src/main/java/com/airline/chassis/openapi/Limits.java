package com.airline.chassis.openapi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Bean Validation limits as schema keywords. Payara's own translation is off ({@code
 * mp.openapi.scan.beanvalidation=false}): on 6.2025.10 it throws on a constraint of any parameter
 * that is not a path parameter, record components included.
 */
final class Limits {

  private Limits() {}

  /** Applies the annotations' limits to the schema; answers whether a value is required. */
  static boolean apply(Annotation[] annotations, Schema schema) {
    boolean required = false;
    boolean array = schema.getType() == Schema.SchemaType.ARRAY;
    for (Annotation annotation : annotations) {
      if (annotation instanceof NotNull) {
        required = true;
      } else if (annotation instanceof NotBlank) {
        required = true;
        schema.minLength(1);
        schema.pattern(schema.getPattern() == null ? "\\S" : schema.getPattern());
      } else if (annotation instanceof NotEmpty) {
        required = true;
        if (array) {
          schema.minItems(1);
        } else {
          schema.minLength(1);
        }
      } else if (annotation instanceof Size size) {
        if (array) {
          schema.minItems(size.min() > 0 ? size.min() : null);
          schema.maxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else {
          if (size.min() > 0) {
            schema.minLength(size.min());
          }
          if (size.max() < Integer.MAX_VALUE) {
            schema.maxLength(size.max());
          }
        }
      } else if (annotation instanceof Min min) {
        schema.minimum(BigDecimal.valueOf(min.value()));
      } else if (annotation instanceof Max max) {
        schema.maximum(BigDecimal.valueOf(max.value()));
      } else if (annotation instanceof DecimalMin min) {
        schema.minimum(new BigDecimal(min.value()));
        schema.exclusiveMinimum(min.inclusive() ? null : Boolean.TRUE);
      } else if (annotation instanceof DecimalMax max) {
        schema.maximum(new BigDecimal(max.value()));
        schema.exclusiveMaximum(max.inclusive() ? null : Boolean.TRUE);
      } else if (annotation instanceof Positive) {
        schema.minimum(BigDecimal.ONE);
      } else if (annotation instanceof Pattern pattern) {
        schema.pattern(anchored(pattern.regexp()));
      } else if (annotation instanceof Email) {
        schema.format("email");
      } else if (annotation instanceof DefaultValue value) {
        schema.defaultValue(typed(schema, value.value()));
      }
    }
    return required;
  }

  /** Bean Validation matches the whole value; a schema pattern matches anywhere unless anchored. */
  private static String anchored(String regexp) {
    return "^(?:" + regexp + ")$";
  }

  private static Object typed(Schema schema, String value) {
    try {
      if (schema.getType() == Schema.SchemaType.INTEGER) {
        return Long.valueOf(value);
      }
      if (schema.getType() == Schema.SchemaType.NUMBER) {
        return new BigDecimal(value);
      }
    } catch (NumberFormatException e) {
      return value;
    }
    return value;
  }
}
