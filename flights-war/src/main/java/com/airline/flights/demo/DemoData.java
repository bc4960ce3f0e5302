package com.airline.flights.demo;

import com.airline.flights.demo.DemoSchedule.DemoAirline;
import com.airline.flights.demo.DemoSchedule.DemoAirplane;
import com.airline.flights.demo.DemoSchedule.DemoAirport;
import com.airline.flights.demo.DemoSchedule.DemoFlight;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty catalogue with real airports and a generated schedule. Plain JDBC batches on one
 * connection: thousands of rows through JPA would slow the first start for nothing.
 */
@ApplicationScoped
public class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Resource(lookup = "jdbc/airline")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "flights.demo-data")
  boolean enabled;

  /** Runs outside any JTA transaction: it commits its own connection's work. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void loadIfEmpty() {
    if (!enabled) return;
    try (Connection connection = dataSource.getConnection()) {
      // Instances starting together on an empty catalogue (up --replicas flights=2) would both
      // load it: one waits for the other's load under a lock named after the database, then sees
      // the data. Without it the second start died of a deadlock and its WAR never deployed.
      query(connection, "SELECT GET_LOCK(CONCAT(DATABASE(), '.demo-data'), 600)");
      try {
        loadIfEmpty(connection);
      } finally {
        query(connection, "SELECT RELEASE_LOCK(CONCAT(DATABASE(), '.demo-data'))");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Demo data not loaded", e);
    }
  }

  private static void query(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      if (!result.next() || result.getInt(1) != 1) {
        throw new SQLException(sql + " did not answer 1");
      }
    }
  }

  private void loadIfEmpty(Connection connection) throws SQLException {
    try (Statement count = connection.createStatement();
        ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM city")) {
      if (rows.next() && rows.getLong(1) > 0) return;
    }
    List<DemoAirport> airports = DemoSchedule.airports();
    List<DemoAirline> airlines = DemoSchedule.airlines();
    List<DemoFlight> flights =
        DemoSchedule.schedule(airports, airlines, LocalDate.now(ZoneOffset.UTC).plusDays(1), 60);
    connection.setAutoCommit(false);
    try {
      insert(connection, airports, airlines, flights);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
    LOG.info(
        () ->
            String.format(
                "Demo data loaded: %d cities, %d airports, %d airlines, %d airplanes, %d flights",
                airports.size(),
                airports.size(),
                airlines.size(),
                DemoSchedule.AIRPLANES.size(),
                flights.size()));
  }

  private static void insert(
      Connection c,
      List<DemoAirport> airports,
      List<DemoAirline> airlines,
      List<DemoFlight> flights)
      throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    Map<String, Long> airplaneIds = new HashMap<>();
    for (DemoAirplane airplane : DemoSchedule.AIRPLANES) {
      airplaneIds.put(
          airplane.model(),
          insertReturningId(
              c,
              "INSERT INTO airplane (model, capacity, created_at) VALUES (?, ?, ?)",
              airplane.model(),
              airplane.capacity(),
              now));
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO airport (code, name, city_id, created_at) VALUES (?, ?, ?, ?)")) {
      for (DemoAirport airport : airports) {
        long cityId =
            insertReturningId(
                c,
                "INSERT INTO city (name, country, created_at) VALUES (?, ?, ?)",
                airport.city(),
                airport.country(),
                now);
        insert.setString(1, airport.code());
        insert.setString(2, airport.name());
        insert.setLong(3, cityId);
        insert.setTimestamp(4, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO airline (code, icao, name, country, active, created_at)"
                + " VALUES (?, ?, ?, ?, TRUE, ?)")) {
      for (DemoAirline airline : airlines) {
        insert.setString(1, airline.code());
        insert.setString(2, airline.icao());
        insert.setString(3, airline.name());
        insert.setString(4, airline.country());
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO flight (flight_number, airline_code, airplane_id, departure_airport, arrival_airport,"
                + " departs_at, arrives_at, price, currency, total_seats, available_seats, version,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
      for (DemoFlight flight : flights) {
        insert.setString(1, flight.number());
        insert.setString(2, flight.number().substring(0, 2));
        insert.setLong(3, airplaneIds.get(flight.airplane().model()));
        insert.setString(4, flight.from());
        insert.setString(5, flight.to());
        insert.setTimestamp(6, Timestamp.from(flight.departsAt()));
        insert.setTimestamp(7, Timestamp.from(flight.arrivesAt()));
        insert.setBigDecimal(8, flight.price());
        insert.setString(9, DemoSchedule.CURRENCY);
        insert.setInt(10, flight.airplane().capacity());
        insert.setInt(11, flight.airplane().capacity());
        insert.setTimestamp(12, now);
        insert.setTimestamp(13, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // the entities take their ids from id_block: its blocks start after the rows inserted here
    for (String table : List.of("city", "airplane", "flight")) {
      try (Statement update = c.createStatement()) {
        update.executeUpdate(
            "UPDATE id_block SET last_id = (SELECT COALESCE(MAX(id), 0) FROM "
                + table
                + ") WHERE name = '"
                + table
                + "'");
      }
    }
  }

  private static long insertReturningId(Connection c, String sql, Object... values)
      throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < values.length; i++) insert.setObject(i + 1, values[i]);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }
}
