package com.airline.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements on a service's own database, for what a test arranges or checks behind the API:
 * parameters bound in order, the connection closed after each call.
 */
public final class Sql {

  /** What a test reads from one row. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet row) throws SQLException;
  }

  private Sql() {}

  /** Runs an INSERT, UPDATE or DELETE; answers how many rows it changed. */
  public static int update(String service, String sql, Object... parameters) {
    try (Connection db = Airline.database(service);
        PreparedStatement statement = prepare(db, sql, parameters)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** Each row the query answers, as read makes it. */
  public static <T> List<T> query(String service, String sql, Row<T> read, Object... parameters) {
    try (Connection db = Airline.database(service);
        PreparedStatement statement = prepare(db, sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> all = new ArrayList<>();
      while (rows.next()) {
        all.add(read.read(rows));
      }
      return all;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The first row the query answers, as read makes it; fails when there is none. */
  public static <T> T one(String service, String sql, Row<T> read, Object... parameters) {
    List<T> rows = query(service, sql, read, parameters);
    if (rows.isEmpty()) {
      throw new AssertionError("no row for " + sql + " " + List.of(parameters));
    }
    return rows.get(0);
  }

  /** The first column of the first row as a number: a COUNT(*), say. */
  public static long number(String service, String sql, Object... parameters) {
    return one(service, sql, row -> row.getLong(1), parameters);
  }

  private static PreparedStatement prepare(Connection db, String sql, Object[] parameters)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
    return statement;
  }
}
