package com.airline.booking.checkout.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "booking")
@NamedQuery(
    name = Booking.TO_SETTLE,
    query =
        "select b from Booking b where (b.status = com.airline.booking.checkout.entity.Booking.Status.PENDING and b.updatedAt < :before)"
            + " or (b.status = com.airline.booking.checkout.entity.Booking.Status.CANCELLED and b.seatsHeld = true and b.updatedAt < :before)"
            + " order by b.updatedAt")
@NamedQuery(
    name = Booking.SEATS_RELEASED,
    query = "update Booking b set b.seatsHeld = false where b.reference = :reference")
public class Booking {

  public static final String TO_SETTLE = "Booking.toSettle";
  public static final String SEATS_RELEASED = "Booking.seatsReleased";

  public enum Status {
    PENDING,
    CONFIRMED,
    CANCELLED
  }

  @Id
  @Column(name = "reference", length = 6)
  private String reference;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "flight_id", nullable = false)
  private long flightId;

  @Column(name = "flight_number", nullable = false)
  private String flightNumber;

  @Column(name = "airline_code", nullable = false)
  private String airlineCode;

  @Column(name = "airline_name", nullable = false)
  private String airlineName;

  @Column(name = "departure_time", nullable = false)
  private Instant departureTime;

  @Column(name = "departure_airport", nullable = false)
  private String departureAirport;

  @Column(name = "arrival_airport", nullable = false)
  private String arrivalAirport;

  @Column(name = "seats", nullable = false)
  private int seats;

  @Column(name = "total_price", nullable = false, precision = 12, scale = 2)
  private BigDecimal totalPrice;

  @Column(name = "currency", nullable = false)
  private String currency;

  @Column(name = "passenger_name", nullable = false)
  private String passengerName;

  @Column(name = "passenger_email", nullable = false)
  private String passengerEmail;

  /** The booker's language (a lower-case primary language subtag such as {@code de}). */
  @Column(name = "locale", nullable = false)
  private String locale;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "seats_held", nullable = false)
  private boolean seatsHeld;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected Booking() {}

  public Booking(
      String reference,
      String userId,
      FlightSnapshot flight,
      int seats,
      String passengerName,
      String passengerEmail,
      String locale) {
    this.reference = reference;
    this.userId = userId;
    this.flightId = flight.id();
    this.flightNumber = flight.flightNumber();
    this.airlineCode = flight.airlineCode();
    this.airlineName = flight.airlineName();
    this.departureTime = flight.departureTime().truncatedTo(ChronoUnit.SECONDS);
    this.departureAirport = flight.departureAirport();
    this.arrivalAirport = flight.arrivalAirport();
    this.seats = seats;
    this.totalPrice = flight.price().multiply(BigDecimal.valueOf(seats));
    this.currency = flight.currency();
    this.passengerName = passengerName;
    this.passengerEmail = passengerEmail;
    this.locale = locale;
    this.status = Status.PENDING;
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.updatedAt = createdAt;
  }

  /** What the booking needs to know of its flight, as flights said it when the booking was made. */
  public record FlightSnapshot(
      long id,
      String flightNumber,
      String airlineCode,
      String airlineName,
      Instant departureTime,
      String departureAirport,
      String arrivalAirport,
      BigDecimal price,
      String currency) {}

  /**
   * Confirmed on the departure time and price flights had when it took the seats: the snapshot
   * taken before may be older.
   */
  public void confirm(
      Instant reservedDeparture, BigDecimal reservedPrice, String reservedCurrency) {
    requireStatus(Status.PENDING);
    departureTime = reservedDeparture.truncatedTo(ChronoUnit.SECONDS);
    totalPrice = reservedPrice.multiply(BigDecimal.valueOf(seats));
    currency = reservedCurrency;
    status = Status.CONFIRMED;
    seatsHeld = true;
    touch();
  }

  /**
   * Seats may still be held by flights: {@link #seatsReleased()} follows once they are given back.
   */
  public void cancel(String reason, boolean mayHoldSeats) {
    if (status == Status.CANCELLED) {
      return;
    }
    status = Status.CANCELLED;
    statusReason = reason;
    seatsHeld = seatsHeld || mayHoldSeats;
    touch();
  }

  public void seatsReleased() {
    seatsHeld = false;
    touch();
  }

  public boolean hasDeparted(Instant now) {
    return !departureTime.isAfter(now);
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new IllegalStateException(
          "booking " + reference + " is " + status + ", not " + expected);
    }
  }

  private void touch() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public String getReference() {
    return reference;
  }

  public String getUserId() {
    return userId;
  }

  public long getFlightId() {
    return flightId;
  }

  public String getFlightNumber() {
    return flightNumber;
  }

  public String getAirlineCode() {
    return airlineCode;
  }

  public String getAirlineName() {
    return airlineName;
  }

  public String getLocale() {
    return locale;
  }

  public Instant getDepartureTime() {
    return departureTime;
  }

  public String getDepartureAirport() {
    return departureAirport;
  }

  public String getArrivalAirport() {
    return arrivalAirport;
  }

  public int getSeats() {
    return seats;
  }

  public BigDecimal getTotalPrice() {
    return totalPrice;
  }

  public String getCurrency() {
    return currency;
  }

  public String getPassengerName() {
    return passengerName;
  }

  public String getPassengerEmail() {
    return passengerEmail;
  }

  public Status getStatus() {
    return status;
  }

  public boolean isSeatsHeld() {
    return seatsHeld;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
