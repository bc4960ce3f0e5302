package com.airline.flights.schedule.control;

import com.airline.chassis.problem.Problem;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A validated flight search; equal searches share one cached page. Null members and an empty list
 * of airlines do not filter; the airlines are sorted and distinct, so that the same filter written
 * in another order is the same search.
 */
public record SearchQuery(
    String from,
    String to,
    List<String> airlines,
    LocalDate date,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    Integer seats,
    Sort sort,
    int page,
    int size) {

  /** More designators than this in one search are refused: each is a bound parameter. */
  static final int MAX_AIRLINES = 20;

  /** The query parameters of GET /flights, checked; a 400 problem lists every wrong one. */
  public static SearchQuery parse(MultivaluedMap<String, String> parameters) {
    List<Problem.FieldError> errors = new ArrayList<>();
    var parser =
        new Object() {
          <T> T get(String name, T fallback, Function<String, T> convert, String message) {
            String value = parameters.getFirst(name);
            if (value == null) {
              return fallback;
            }
            try {
              return convert.apply(value);
            } catch (RuntimeException e) {
              errors.add(new Problem.FieldError(name, message));
              return fallback;
            }
          }
        };
    String from = parser.get("from", null, SearchQuery::airport, "must be a 3-letter IATA code");
    String to = parser.get("to", null, SearchQuery::airport, "must be a 3-letter IATA code");
    List<String> airlines =
        parser.get(
            "airline",
            List.of(),
            v -> airlines(parameters.get("airline")),
            "must be up to "
                + MAX_AIRLINES
                + " airline designators (2 letters or digits), comma-separated");
    LocalDate date = parser.get("date", null, LocalDate::parse, "must be a day as YYYY-MM-DD");
    BigDecimal minPrice =
        parser.get("minPrice", null, SearchQuery::price, "must be a decimal number, not negative");
    BigDecimal maxPrice =
        parser.get("maxPrice", null, SearchQuery::price, "must be a decimal number, not negative");
    Integer seats =
        parser.get("seats", null, v -> within(Integer.valueOf(v), 1, 1000), "must be 1 to 1000");
    Sort sort =
        parser.get(
            "sort",
            Sort.DEPARTURE,
            Sort::of,
            "must be price, -price, departureTime, -departureTime or duration");
    int page =
        parser.get("page", 0, v -> within(Integer.valueOf(v), 0, 100_000), "must be 0 to 100000");
    int size = parser.get("size", 20, v -> within(Integer.valueOf(v), 1, 100), "must be 1 to 100");
    if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
      errors.add(new Problem.FieldError("maxPrice", "must not be below minPrice"));
    }
    if (!errors.isEmpty()) {
      throw new BadRequestException(
          Problem.of(400, "The search has invalid parameters.", null, null)
              .withErrors(errors)
              .response()
              .build());
    }
    return new SearchQuery(from, to, airlines, date, minPrice, maxPrice, seats, sort, page, size);
  }

  private static String airport(String code) {
    if (!code.matches("[A-Za-z]{3}")) {
      throw new IllegalArgumentException(code);
    }
    return code.toUpperCase(Locale.ROOT);
  }

  /** Designators from every airline parameter, each a comma-separated list. */
  private static List<String> airlines(List<String> values) {
    TreeSet<String> designators = new TreeSet<>();
    for (String value : values) {
      for (String designator : value.split(",", -1)) {
        String code = designator.trim();
        if (!code.matches("[A-Za-z0-9]{2}")) {
          throw new IllegalArgumentException(designator);
        }
        designators.add(code.toUpperCase(Locale.ROOT));
      }
    }
    if (designators.size() > MAX_AIRLINES) {
      throw new IllegalArgumentException("too many airlines");
    }
    return List.copyOf(designators);
  }

  private static BigDecimal price(String value) {
    BigDecimal price = new BigDecimal(value);
    if (price.signum() < 0) {
      throw new IllegalArgumentException(value);
    }
    return price;
  }

  private static int within(int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(Integer.toString(value));
    }
    return value;
  }

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
