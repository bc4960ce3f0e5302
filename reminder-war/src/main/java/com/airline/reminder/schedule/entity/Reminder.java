package com.airline.reminder.schedule.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** One mail to send for a booking. Status changes are conditional updates (ReminderStore). */
@Entity
@Table(name = "reminder")
@NamedQuery(
    name = Reminder.FIND_BY_BOOKING,
    query = "SELECT r FROM Reminder r WHERE r.bookingReference = :reference ORDER BY r.dueAt, r.id")
@NamedQuery(
    name = Reminder.FIND_ARMED,
    query =
        "SELECT r.id, r.dueAt FROM Reminder r WHERE r.status = :status AND r.timerArmed = TRUE"
            + " AND r.timerOwner = :owner ORDER BY r.dueAt")
public class Reminder {

  public static final String FIND_BY_BOOKING = "Reminder.findByBooking";
  public static final String FIND_ARMED = "Reminder.findArmed";

  /**
   * From a block of ids (V3 migration), not AUTO_INCREMENT: EclipseLink 4.0.7 (Payara 6.2025.10)
   * leaves the statement of every IDENTITY insert open on the pooled connection (eclipse-ee4j/
   * eclipselink#2366); three per booking event filled the heap after some 10,000 events.
   */
  @Id
  @TableGenerator(
      name = "reminder_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "last_id",
      pkColumnValue = "reminder",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "reminder_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "booking_reference", nullable = false, length = 6)
  private String bookingReference;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private ReminderKind kind;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private ReminderStatus status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "claimed_at")
  private Instant claimedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "passenger_name", nullable = false)
  private String passengerName;

  @Column(name = "passenger_email", nullable = false)
  private String passengerEmail;

  @Column(name = "flight_number", nullable = false)
  private String flightNumber;

  @Column(name = "departure_time", nullable = false)
  private Instant departureTime;

  @Column(name = "departure_airport", nullable = false)
  private String departureAirport;

  @Column(name = "arrival_airport", nullable = false)
  private String arrivalAirport;

  @Column(name = "seats", nullable = false)
  private int seats;

  /** Null for bookings whose event had no airline: see {@link #getAirlineCode()}. */
  @Column(name = "airline_code")
  private String airlineCode;

  @Column(name = "airline_name")
  private String airlineName;

  /** The language tag the booking's mails are written in; null: English. */
  @Column(name = "locale")
  private String locale;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** Whether a timer was armed for it: only reminders due within the horizon get one. */
  @Column(name = "timer_armed", nullable = false)
  private boolean timerArmed;

  /** The reminder instance whose timer it is (a timer fires only on the instance that made it). */
  @Column(name = "timer_owner")
  private String timerOwner;

  protected Reminder() {}

  public Reminder(
      BookingDetails booking,
      ReminderKind kind,
      Instant dueAt,
      ReminderStatus status,
      Instant now) {
    this.bookingReference = booking.reference();
    this.kind = kind;
    this.dueAt = dueAt;
    this.status = status;
    this.passengerName = booking.passengerName();
    this.passengerEmail = booking.passengerEmail();
    this.flightNumber = booking.flightNumber();
    this.departureTime = booking.departureTime();
    this.departureAirport = booking.departureAirport();
    this.arrivalAirport = booking.arrivalAirport();
    this.seats = booking.seats();
    this.airlineCode = booking.airlineCode();
    this.airlineName = booking.airlineName();
    this.locale = booking.locale();
    this.createdAt = now;
  }

  /** Notes that its timer is armed, and by which instance, in the transaction that arms it. */
  public void timerArmed(String owner) {
    this.timerArmed = true;
    this.timerOwner = owner;
  }

  public Long getId() {
    return id;
  }

  public String getBookingReference() {
    return bookingReference;
  }

  public ReminderKind getKind() {
    return kind;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public ReminderStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getSentAt() {
    return sentAt;
  }

  public String getPassengerName() {
    return passengerName;
  }

  public String getPassengerEmail() {
    return passengerEmail;
  }

  public String getFlightNumber() {
    return flightNumber;
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

  /** The event's airline designator, else the flight number's (API.md: it starts with it). */
  public String getAirlineCode() {
    return airlineCode != null ? airlineCode : flightNumber.substring(0, 2);
  }

  /** Null when the event did not name the airline. */
  public String getAirlineName() {
    return airlineName;
  }

  /** Null for English. */
  public String getLocale() {
    return locale;
  }
}
