package com.airline.booking.events.control;

import com.airline.booking.checkout.entity.Booking;
import com.airline.booking.events.entity.OutboxEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes booking events into the outbox, in the caller's transaction: both commit or neither. */
@ApplicationScoped
public class Outbox {

  /** Looked up once: {@code Json.createX} searches the class path for a provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public static final String CREATED = "booking.created";
  public static final String CANCELLED = "booking.cancelled";

  @PersistenceContext EntityManager em;

  @Resource(lookup = "jdbc/airline")
  DataSource db;

  private static final String INSERT =
      "INSERT INTO outbox_event (event_id, type, payload, created_at, attempts)"
          + " VALUES (?1, ?2, ?3, ?4, 0)";

  /** The same with JDBC's parameter markers. */
  private static final String JDBC_INSERT = INSERT.replaceAll("\\?\\d", "?");

  /**
   * In the caller's transaction. A native insert: EclipseLink 4.0.7 (Payara 6.2025.10) leaves the
   * statement of every persisted IDENTITY entity open on the pooled connection (eclipse-ee4j/
   * eclipselink#2366), so they pile up until the heap is full.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void add(String type, Booking booking) {
    OutboxEvent event = event(type, booking);
    em.createNativeQuery(INSERT)
        .setParameter(1, event.getEventId())
        .setParameter(2, event.getType())
        .setParameter(3, event.getPayload())
        .setParameter(4, Timestamp.from(event.getCreatedAt()))
        .executeUpdate();
  }

  /** The same in the caller's local JDBC transaction (the booking hot path). */
  public void add(Connection connection, String type, Booking booking) throws SQLException {
    OutboxEvent event = event(type, booking);
    try (PreparedStatement insert = connection.prepareStatement(JDBC_INSERT)) {
      insert.setString(1, event.getEventId());
      insert.setString(2, event.getType());
      insert.setString(3, event.getPayload());
      insert.setTimestamp(4, Timestamp.from(event.getCreatedAt()));
      insert.executeUpdate();
    }
  }

  /**
   * Deletes up to max events published before the given time; answers how many. One autocommitted
   * statement at READ COMMITTED: at REPEATABLE READ its range scan would lock the gap that new
   * (unpublished) rows go into, and every booking's confirmation would wait for it.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int prune(Instant publishedBefore, int max) {
    try (Connection connection = db.getConnection()) {
      connection.setAutoCommit(true);
      int isolation = connection.getTransactionIsolation();
      connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM outbox_event WHERE published_at < ? ORDER BY published_at LIMIT ?")) {
        delete.setTimestamp(1, Timestamp.from(publishedBefore));
        delete.setInt(2, max);
        return delete.executeUpdate();
      } finally {
        connection.setTransactionIsolation(isolation);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Pruning the outbox failed: " + e.getMessage(), e);
    }
  }

  private static OutboxEvent event(String type, Booking booking) {
    String eventId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    String payload =
        JSON.createObjectBuilder()
            .add("eventId", eventId)
            .add("type", type)
            .add("occurredAt", now.toString())
            .add(
                "booking",
                JSON.createObjectBuilder()
                    .add("reference", booking.getReference())
                    .add("userId", booking.getUserId())
                    .add("flightId", booking.getFlightId())
                    .add("flightNumber", booking.getFlightNumber())
                    .add(
                        "airline",
                        JSON.createObjectBuilder()
                            .add("code", booking.getAirlineCode())
                            .add("name", booking.getAirlineName()))
                    .add("locale", booking.getLocale())
                    .add("departureTime", booking.getDepartureTime().toString())
                    .add("departureAirport", booking.getDepartureAirport())
                    .add("arrivalAirport", booking.getArrivalAirport())
                    .add("seats", booking.getSeats())
                    .add("passengerName", booking.getPassengerName())
                    .add("passengerEmail", booking.getPassengerEmail()))
            .build()
            .toString();
    return new OutboxEvent(eventId, type, payload, now);
  }
}
