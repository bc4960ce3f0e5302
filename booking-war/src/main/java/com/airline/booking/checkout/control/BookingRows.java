package com.airline.booking.checkout.control;

import com.airline.booking.checkout.entity.Booking;
import com.airline.booking.events.control.Outbox;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The two writes of every booking, PENDING and then CONFIRMED with its event, each one local
 * transaction of plain JDBC: on this hot path JTA and EclipseLink cost several times the SQL. The
 * rarer changes (refusals, cancellations, the settlement) stay with {@link BookingStore}. The
 * entity still decides the state; these methods only store it.
 */
@ApplicationScoped
public class BookingRows {

  /** MariaDB's duplicate-key error. */
  private static final int DUPLICATE_KEY = 1062;

  /** Six random characters out of 34 rarely collide; more than this many times in a row never. */
  private static final int REFERENCE_ATTEMPTS = 10;

  @Resource(lookup = "jdbc/airline")
  DataSource db;

  @Inject Outbox outbox;

  /**
   * A new PENDING booking with a fresh reference, and the user's Idempotency-Key if given, both or
   * neither. Empty when the user already used the key (a racing twin): nothing is written then.
   */
  public Optional<Booking> createPending(
      String userId,
      Booking.FlightSnapshot flight,
      int seats,
      String name,
      String email,
      String locale,
      String key) {
    if (key == null) { // one statement: no transaction to open and commit, three round trips fewer
      return withConnection(
          c ->
              Optional.of(insertWithFreshReference(c, userId, flight, seats, name, email, locale)));
    }
    return inTransaction(
        c -> {
          Booking booking = insertWithFreshReference(c, userId, flight, seats, name, email, locale);
          if (!insertKey(c, userId, key, booking)) {
            c.rollback();
            return Optional.empty();
          }
          return Optional.of(booking);
        });
  }

  /**
   * PENDING to CONFIRMED with its booking.created event, and the first answer to the key recorded.
   * Empty, writing nothing, when the booking is no longer PENDING: cancelled by its owner, or given
   * up by the settlement, while flights was taking the seats.
   */
  public Optional<Booking> confirm(Booking booking, Flights.Reserved reserved, String key) {
    booking.confirm(reserved.departureTime(), reserved.price(), reserved.currency());
    return inTransaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE booking SET status = 'CONFIRMED', seats_held = TRUE, departure_time = ?,"
                      + " total_price = ?, currency = ?, updated_at = ?, version = version + 1"
                      + " WHERE reference = ? AND status = 'PENDING'")) {
            update.setTimestamp(1, timestamp(booking.getDepartureTime()));
            update.setBigDecimal(2, booking.getTotalPrice());
            update.setString(3, booking.getCurrency());
            update.setTimestamp(4, timestamp(booking.getUpdatedAt()));
            update.setString(5, booking.getReference());
            if (update.executeUpdate() != 1) {
              return Optional.empty();
            }
          }
          outbox.add(c, Outbox.CREATED, booking);
          if (key != null) {
            try (PreparedStatement answered =
                c.prepareStatement(
                    "UPDATE idempotency_key SET response_status = 201 WHERE booking_reference = ?")) {
              answered.setString(1, booking.getReference());
              answered.executeUpdate();
            }
          }
          return Optional.of(booking);
        });
  }

  /**
   * Takes back a PENDING booking whose reservation never reached flights (its connection was
   * refused, or its circuit is open): no seat can be held for it, so nothing is left to settle.
   */
  public void forget(Booking booking) {
    inTransaction(
        c -> {
          for (String sql :
              new String[] {
                "DELETE FROM idempotency_key WHERE booking_reference = ?",
                "DELETE FROM booking WHERE reference = ? AND status = 'PENDING'"
              }) {
            try (PreparedStatement delete = c.prepareStatement(sql)) {
              delete.setString(1, booking.getReference());
              delete.executeUpdate();
            }
          }
          return null;
        });
  }

  private static Booking insertWithFreshReference(
      Connection c,
      String userId,
      Booking.FlightSnapshot flight,
      int seats,
      String name,
      String email,
      String locale)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      Booking booking = new Booking(References.next(), userId, flight, seats, name, email, locale);
      try {
        insert(c, booking);
        return booking;
      } catch (SQLException e) {
        if (e.getErrorCode() != DUPLICATE_KEY || attempt == REFERENCE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void insert(Connection c, Booking b) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO booking (reference, user_id, flight_id, flight_number, airline_code,"
                + " airline_name, departure_time, departure_airport, arrival_airport, seats,"
                + " total_price, currency, passenger_name, passenger_email, locale, status,"
                + " seats_held, created_at, updated_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
      int i = 1;
      insert.setString(i++, b.getReference());
      insert.setString(i++, b.getUserId());
      insert.setLong(i++, b.getFlightId());
      insert.setString(i++, b.getFlightNumber());
      insert.setString(i++, b.getAirlineCode());
      insert.setString(i++, b.getAirlineName());
      insert.setTimestamp(i++, timestamp(b.getDepartureTime()));
      insert.setString(i++, b.getDepartureAirport());
      insert.setString(i++, b.getArrivalAirport());
      insert.setInt(i++, b.getSeats());
      insert.setBigDecimal(i++, b.getTotalPrice());
      insert.setString(i++, b.getCurrency());
      insert.setString(i++, b.getPassengerName());
      insert.setString(i++, b.getPassengerEmail());
      insert.setString(i++, b.getLocale());
      insert.setString(i++, b.getStatus().name());
      insert.setBoolean(i++, b.isSeatsHeld());
      insert.setTimestamp(i++, timestamp(b.getCreatedAt()));
      insert.setTimestamp(i, timestamp(b.getUpdatedAt()));
      insert.executeUpdate();
    }
  }

  /** False when the user already used the key. */
  private static boolean insertKey(Connection c, String userId, String key, Booking booking)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO idempotency_key (user_id, idempotency_key, booking_reference, created_at)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, userId);
      insert.setString(2, key);
      insert.setString(3, booking.getReference());
      insert.setTimestamp(4, timestamp(booking.getCreatedAt()));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (e.getErrorCode() == DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }

  private interface Work<T> {
    T in(Connection connection) throws SQLException;
  }

  /**
   * Commits what work did unless it rolled back itself; rolls back when it fails. Committed by
   * turning auto-commit back on, which commits the transaction (JDBC and MySQL both say so): one
   * round trip where commit() and then setAutoCommit(true) are two.
   */
  private <T> T inTransaction(Work<T> work) {
    return withConnection(
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.in(c);
            c.setAutoCommit(true);
            return result;
          } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
              c.rollback();
              c.setAutoCommit(true);
            }
            throw e;
          }
        });
  }

  /** Each statement of work commits on its own unless work opens a transaction. */
  private <T> T withConnection(Work<T> work) {
    try (Connection c = db.getConnection()) {
      if (!c.getAutoCommit()) { // known on the client (useLocalSessionState): no round trip
        c.setAutoCommit(true);
      }
      return work.in(c);
    } catch (SQLException e) {
      throw new IllegalStateException("The booking database failed", e);
    }
  }
}
