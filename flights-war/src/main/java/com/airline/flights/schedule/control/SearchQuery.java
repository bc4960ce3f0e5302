package com.airline.flights.schedule.control;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated flight search; equal searches share one cached page. Null members do not filter. */
public record SearchQuery(
    String from,
    String to,
    LocalDate date,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    Integer seats,
    Sort sort,
    int page,
    int size) {

  public enum Sort {
    PRICE("price", "f.price"),
    PRICE_DESC("-price", "f.price DESC"),
    DEPARTURE("departureTime", "f.departs_at"),
    DEPARTURE_DESC("-departureTime", "f.departs_at DESC"),
    DURATION("duration", "TIMESTAMPDIFF(SECOND, f.departs_at, f.arrives_at)");

    final String parameter;
    final String orderBy;

    Sort(String parameter, String orderBy) {
      this.parameter = parameter;
      this.orderBy = orderBy;
    }

    public static Sort of(String parameter) {
      for (Sort sort : values()) {
        if (sort.parameter.equals(parameter)) {
          return sort;
        }
      }
      throw new IllegalArgumentException(parameter);
    }
  }
}
