package com.airline.flights;

import com.airline.chassis.page.Page;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * What the catalogue's resources answer alike: a page of rows, 404 for a missing row, 409 for a
 * write that conflicts with the rows there are, 201 with the location of a new one.
 */
public final class Answers {

  private Answers() {}

  /** The page'th page of size rows, and how many rows there are in all. */
  public static <E, T> Page<T> page(
      TypedQuery<Long> count, TypedQuery<E> rows, int page, int size, Function<E, T> map) {
    long total = count.getSingleResult();
    var found = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
    return Page.of(found, page, size, total, map);
  }

  /** The row, or 404 saying what is missing. */
  public static <T> T found(T row, String missing) {
    if (row == null) {
      throw new NotFoundException(missing);
    }
    return row;
  }

  public static void conflictIf(boolean conflict, String detail) {
    if (conflict) {
      throw new ClientErrorException(detail, Response.Status.CONFLICT);
    }
  }

  /** 201 with the new row's view, located at its key below the request's path. */
  public static Response created(UriInfo uri, Object key, Object view) {
    return Response.created(uri.getAbsolutePathBuilder().path(key.toString()).build())
        .entity(view)
        .build();
  }
}
