package com.airline.chassis.page;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

  public static <E, T> Page<T> of(
      List<E> rows, int page, int size, long total, Function<E, T> map) {
    return new Page<>(
        rows.stream().map(map).toList(), page, size, total, (int) ((total + size - 1) / size));
  }
}
