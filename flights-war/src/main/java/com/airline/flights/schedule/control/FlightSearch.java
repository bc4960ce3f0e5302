package com.airline.flights.schedule.control;

import com.airline.chassis.page.Page;
import com.airline.flights.catalogue.boundary.AirplaneInfo;
import com.airline.flights.catalogue.boundary.AirportInfo;
import com.airline.flights.catalogue.boundary.CityInfo;
import com.airline.flights.schedule.boundary.Carrier;
import com.airline.flights.schedule.boundary.FlightOffer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Upcoming flights matching a search, one page in one SQL query: a projection with the joins it
 * needs and the total count as a window function. Plain JDBC: this is the read hot path, and the
 * page goes straight into the cache, so entities would only cost.
 */
@ApplicationScoped
public class FlightSearch {

  private static final String SELECT =
      """
      SELECT f.id, f.flight_number, f.departs_at, f.arrives_at, f.price, f.currency, f.total_seats, f.available_seats,
             p.id, p.model, p.capacity,
             da.code, da.name, dc.id, dc.name, dc.country,
             aa.code, aa.name, ac.id, ac.name, ac.country,
             al.code, al.name,
             COUNT(*) OVER () AS total
      FROM flight f
      JOIN airline al ON al.code = f.airline_code
      JOIN airplane p ON p.id = f.airplane_id
      JOIN airport da ON da.code = f.departure_airport JOIN city dc ON dc.id = da.city_id
      JOIN airport aa ON aa.code = f.arrival_airport JOIN city ac ON ac.id = aa.city_id
      """;

  @Resource(lookup = "jdbc/airline")
  DataSource dataSource;

  public Page<FlightOffer> search(SearchQuery query) {
    List<Object> parameters = new ArrayList<>();
    String where = where(query, parameters);
    String sql = SELECT + where + " ORDER BY " + query.sort().orderBy + ", f.id LIMIT ? OFFSET ?";
    try (Connection connection = dataSource.getConnection()) {
      List<FlightOffer> offers = new ArrayList<>();
      long total = 0;
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        int i = bind(statement, parameters);
        statement.setInt(i++, query.size());
        statement.setLong(i, (long) query.page() * query.size());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            offers.add(offer(rs));
            total = rs.getLong("total");
          }
        }
      }
      if (offers.isEmpty() && query.page() > 0) {
        total = count(connection, where, parameters); // a page past the end still tells the total
      }
      return new Page<>(
          offers,
          query.page(),
          query.size(),
          total,
          (int) ((total + query.size() - 1) / query.size()));
    } catch (SQLException e) {
      throw new IllegalStateException("Flight search failed", e);
    }
  }

  private static String where(SearchQuery query, List<Object> parameters) {
    StringBuilder where = new StringBuilder(" WHERE f.departs_at > ?");
    parameters.add(Timestamp.from(Instant.now()));
    and(where, parameters, " AND f.departure_airport = ?", query.from());
    and(where, parameters, " AND f.arrival_airport = ?", query.to());
    if (!query.airlines().isEmpty()) {
      where.append(" AND f.airline_code IN (");
      for (int i = 0; i < query.airlines().size(); i++) {
        where.append(i == 0 ? "?" : ", ?");
        parameters.add(query.airlines().get(i));
      }
      where.append(")");
    }
    if (query.date() != null) {
      where.append(" AND f.departs_at >= ? AND f.departs_at < ?");
      parameters.add(Timestamp.from(query.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
      parameters.add(
          Timestamp.from(query.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    and(where, parameters, " AND f.price >= ?", query.minPrice());
    and(where, parameters, " AND f.price <= ?", query.maxPrice());
    and(where, parameters, " AND f.available_seats >= ?", query.seats());
    return where.toString();
  }

  /** The condition and its value, when the search has that value. */
  private static void and(
      StringBuilder where, List<Object> parameters, String condition, Object value) {
    if (value != null) {
      where.append(condition);
      parameters.add(value);
    }
  }

  private static long count(Connection connection, String where, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM flight f" + where)) {
      bind(statement, parameters);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static int bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    int i = 1;
    for (Object parameter : parameters) {
      statement.setObject(i++, parameter);
    }
    return i;
  }

  private static FlightOffer offer(ResultSet rs) throws SQLException {
    return new FlightOffer(
        rs.getLong(1),
        rs.getString(2),
        new Carrier(rs.getString(22), rs.getString(23)),
        new AirplaneInfo(rs.getLong(9), rs.getString(10), rs.getInt(11)),
        new AirportInfo(
            rs.getString(12),
            rs.getString(13),
            new CityInfo(rs.getLong(14), rs.getString(15), rs.getString(16))),
        new AirportInfo(
            rs.getString(17),
            rs.getString(18),
            new CityInfo(rs.getLong(19), rs.getString(20), rs.getString(21))),
        rs.getTimestamp(3).toInstant(),
        rs.getTimestamp(4).toInstant(),
        FlightOffer.money(rs.getBigDecimal(5)),
        rs.getString(6),
        rs.getInt(7),
        rs.getInt(8));
  }
}
