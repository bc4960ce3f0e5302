package com.airline.flights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.airline.it.Airline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The flights service's own migrations, run by Flyway as the service runs them, on a scratch
 * database of MariaDB: a catalogue with flights from before airlines (schema version 2) keeps every
 * flight, each now belonging to the airline its number's first two characters name.
 */
class AirlineMigrationIT {

  private static final String DATABASE = "it_flights_v3_" + Airline.RUN;
  private static final String MIGRATIONS =
      "filesystem:"
          + Path.of(System.getProperty("airline.root", ".."))
              .resolve("flights-war/src/main/resources/db/migration")
              .toAbsolutePath()
              .normalize();

  private static String url(String database) {
    return "jdbc:mysql://"
        + Airline.env("DB_HOST", "127.0.0.1")
        + ":"
        + Airline.env("DB_PORT", "3306")
        + "/"
        + database
        + "?sslMode=DISABLED";
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        url(database), Airline.env("DB_USER", "root"), Airline.env("DB_PASSWORD", ""));
  }

  private static Flyway flyway(String target) {
    return Flyway.configure()
        .dataSource(url(DATABASE), Airline.env("DB_USER", "root"), Airline.env("DB_PASSWORD", ""))
        .locations(MIGRATIONS)
        .target(target)
        .load();
  }

  @Test
  void v3_givesEveryFlightTheAirlineItsNumberNames_andLosesNothing() throws SQLException {
    try (Connection server = connect("");
        Statement statement = server.createStatement()) {
      statement.executeUpdate("CREATE DATABASE " + DATABASE);
    }
    try {
      flyway("2").migrate();
      Map<String, String> before = new LinkedHashMap<>();
      try (Connection db = connect(DATABASE)) {
        long city =
            insert(db, "INSERT INTO city (name, country, created_at) VALUES ('Old', 'GB', NOW())");
        for (String code : List.of("OLA", "OLB")) {
          update(
              db,
              "INSERT INTO airport (code, name, city_id, created_at) VALUES ('"
                  + code
                  + "', 'Old airport', "
                  + city
                  + ", NOW())");
        }
        long airplane =
            insert(
                db,
                "INSERT INTO airplane (model, capacity, created_at) VALUES ('Old jet', 100, NOW())");
        int day = 1;
        // two flights of one airline, a designator with a digit, one of only digits
        for (String number : List.of("BA117", "BA118", "U21234", "9W5", "12345")) {
          update(
              db,
              "INSERT INTO flight (flight_number, airplane_id, departure_airport, arrival_airport,"
                  + " departs_at, arrives_at, price, currency, total_seats, available_seats,"
                  + " created_at, updated_at) VALUES ('"
                  + number
                  + "', "
                  + airplane
                  + ", 'OLA', 'OLB', UTC_TIMESTAMP() + INTERVAL "
                  + day
                  + " DAY, UTC_TIMESTAMP() + INTERVAL "
                  + day++
                  + " DAY + INTERVAL 2 HOUR, 120.00, 'EUR', 100, 90, NOW(), NOW())");
        }
        before.putAll(
            rows(db, "SELECT id, CONCAT(flight_number, '/', available_seats) FROM flight"));
      }

      flyway("latest").migrate();

      try (Connection db = connect(DATABASE)) {
        Map<String, String> after =
            rows(db, "SELECT id, CONCAT(flight_number, '/', available_seats) FROM flight");
        assertEquals(before, after, "every flight kept, unchanged");
        assertEquals(
            Map.of(),
            rows(
                db,
                "SELECT flight_number, airline_code FROM flight"
                    + " WHERE airline_code IS NULL OR airline_code <> LEFT(flight_number, 2)"));
        assertEquals(
            Map.of(
                "12", "12/-/1",
                "9W", "9W/-/1",
                "BA", "BA/-/1",
                "U2", "U2/-/1"),
            rows(
                db,
                "SELECT code, CONCAT(name, '/', COALESCE(country, '-'), '/', active) FROM airline"));
        // the airline is required from now on, and must exist
        assertEquals(
            "NO",
            rows(
                    db,
                    "SELECT column_name, is_nullable FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND table_name = 'flight'"
                        + " AND column_name = 'airline_code'")
                .get("airline_code"));
        try (PreparedStatement orphan =
            db.prepareStatement("UPDATE flight SET airline_code = 'Z9' WHERE flight_number = ?")) {
          orphan.setString(1, "BA117");
          org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, orphan::executeUpdate);
        }
      }
    } finally {
      try (Connection server = connect("");
          Statement statement = server.createStatement()) {
        statement.executeUpdate("DROP DATABASE IF EXISTS " + DATABASE);
      }
    }
  }

  private static void update(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static long insert(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** The first two columns of every row, as text. */
  private static Map<String, String> rows(Connection db, String sql) throws SQLException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.put(result.getString(1), result.getString(2));
      }
    }
    return rows;
  }
}
