package com.airline.flights.inventory.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Takes seats for a booking reference in one local database transaction of plain JDBC: this is the
 * booking hot path, where JTA and EclipseLink cost several times the SQL itself.
 *
 * <p>The common case is two statements: a conditional UPDATE that takes the seats and locks the
 * flight's row, then the INSERT of the reservation. Everything else (a retry with a reference that
 * already exists, too few seats, departed or unknown flight) is decided again under the flight's
 * row lock, the way every reservation and release on a flight is serialized.
 */
@ApplicationScoped
public class SeatInventory {

  /** MariaDB's duplicate-key error. */
  private static final int DUPLICATE_KEY = 1062;

  public enum Result {
    /** Seats taken now. */
    TAKEN,
    /** This reference already holds these seats: a retry. */
    HELD_BEFORE,
    /** This reference was released before: it takes nothing any more. */
    RELEASED_BEFORE,
    /** This reference holds a different number of seats. */
    OTHER_SEATS,
    DEPARTED,
    TOO_FEW_SEATS,
    NO_SUCH_FLIGHT
  }

  /**
   * What happened, with the seats the reference holds, the seats the flight has left, and the
   * flight's departure and price as they stood under its lock (null for an unknown flight).
   */
  public record Outcome(
      Result result,
      int seats,
      int availableSeats,
      Instant departureTime,
      BigDecimal price,
      String currency) {

    Outcome(Result result, int seats, FlightRow flight) {
      this(
          result, seats, flight.available(), flight.departure(), flight.price(), flight.currency());
    }
  }

  /** The flight's row as a reservation needs it. */
  private record FlightRow(int available, Instant departure, BigDecimal price, String currency) {

    static final String COLUMNS = "available_seats, departs_at, price, currency";

    static FlightRow of(ResultSet row) throws SQLException {
      return new FlightRow(
          row.getInt(1), row.getTimestamp(2).toInstant(), row.getBigDecimal(3), row.getString(4));
    }

    FlightRow minus(int seats) {
      return new FlightRow(available - seats, departure, price, currency);
    }
  }

  @Resource(lookup = "jdbc/airline")
  DataSource db;

  public Outcome reserve(long flightId, String reference, int seats) {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        Outcome outcome = take(c, flightId, reference, seats);
        if (outcome == null) {
          c.rollback(); // the reference exists: give the seats just taken back, then decide
          outcome = decideLocked(c, flightId, reference, seats);
        }
        c.setAutoCommit(true); // commits: one round trip where commit() and this are two
        return outcome;
      } catch (SQLException | RuntimeException e) {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reservation of " + reference + " failed", e);
    }
  }

  /** The fast path; null when the reference already has a row (nothing is committed then). */
  private static Outcome take(Connection c, long flightId, String reference, int seats)
      throws SQLException {
    Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    if (!takeSeats(c, flightId, seats, now)) {
      return decideLocked(c, flightId, reference, seats);
    }
    try {
      insertHeld(c, flightId, reference, seats, now);
    } catch (SQLException e) {
      if (e.getErrorCode() == DUPLICATE_KEY) {
        return null;
      }
      throw e;
    }
    return new Outcome(Result.TAKEN, seats, flight(c, flightId, ""));
  }

  /** The rules, under the flight's row lock: replays first, then departure, then seats. */
  private static Outcome decideLocked(Connection c, long flightId, String reference, int seats)
      throws SQLException {
    FlightRow flight = flight(c, flightId, " FOR UPDATE");
    if (flight == null) {
      return new Outcome(Result.NO_SUCH_FLIGHT, 0, 0, null, null, null);
    }
    try (PreparedStatement existing =
        c.prepareStatement(
            "SELECT seats, status FROM seat_reservation WHERE flight_id = ? AND booking_reference = ?")) {
      existing.setLong(1, flightId);
      existing.setString(2, reference);
      try (ResultSet row = existing.executeQuery()) {
        if (row.next()) {
          int held = row.getInt(1);
          Result result =
              "RELEASED".equals(row.getString(2))
                  ? Result.RELEASED_BEFORE
                  : held == seats ? Result.HELD_BEFORE : Result.OTHER_SEATS;
          return new Outcome(result, held, flight);
        }
      }
    }
    if (!flight.departure().isAfter(Instant.now())) {
      return new Outcome(Result.DEPARTED, 0, flight);
    }
    if (flight.available() < seats) {
      return new Outcome(Result.TOO_FEW_SEATS, 0, flight);
    }
    // seats came back between the fast path's UPDATE and this lock
    Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    if (!takeSeats(c, flightId, seats, now)) {
      return new Outcome(Result.DEPARTED, 0, flight); // in the instant since the check above
    }
    insertHeld(c, flightId, reference, seats, now);
    return new Outcome(Result.TAKEN, seats, flight.minus(seats));
  }

  /**
   * Takes the seats from the flight's row (and locks it) if it has them and has not departed;
   * answers whether it did.
   */
  private static boolean takeSeats(Connection c, long flightId, int seats, Timestamp now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE flight SET available_seats = available_seats - ?, version = version + 1,"
                + " updated_at = ? WHERE id = ? AND available_seats >= ? AND departs_at > ?")) {
      update.setInt(1, seats);
      update.setTimestamp(2, now);
      update.setLong(3, flightId);
      update.setInt(4, seats);
      update.setTimestamp(5, now);
      return update.executeUpdate() == 1;
    }
  }

  private static void insertHeld(
      Connection c, long flightId, String reference, int seats, Timestamp now) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO seat_reservation (flight_id, booking_reference, seats, status, created_at)"
                + " VALUES (?, ?, ?, 'HELD', ?)")) {
      insert.setLong(1, flightId);
      insert.setString(2, reference);
      insert.setInt(3, seats);
      insert.setTimestamp(4, now);
      insert.executeUpdate();
    }
  }

  private static FlightRow flight(Connection c, long flightId, String lock) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + FlightRow.COLUMNS + " FROM flight WHERE id = ?" + lock)) {
      select.setLong(1, flightId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? FlightRow.of(row) : null;
      }
    }
  }
}
