package com.airline.flights.schedule.entity;

import com.airline.flights.Recorded;
import com.airline.flights.catalogue.entity.Airline;
import com.airline.flights.catalogue.entity.Airplane;
import com.airline.flights.catalogue.entity.Airport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "flight")
@NamedQuery(
    name = Flight.COUNT_BY_AIRPORT,
    query =
        "select count(f) from Flight f where f.departureAirport.code = :code or f.arrivalAirport.code = :code")
@NamedQuery(
    name = Flight.COUNT_BY_AIRPLANE,
    query = "select count(f) from Flight f where f.airplane.id = :airplaneId")
@NamedQuery(
    name = Flight.COUNT_BY_AIRLINE,
    query = "select count(f) from Flight f where f.airline.code = :code")
@NamedQuery(
    name = Flight.COUNT_BY_NUMBER_AND_DEPARTURE,
    query =
        "select count(f) from Flight f where f.flightNumber = :number and f.departureTime = :departure and f.id <> :id")
public class Flight extends Recorded {

  public static final String COUNT_BY_AIRPORT = "Flight.countByAirport";
  public static final String COUNT_BY_AIRPLANE = "Flight.countByAirplane";
  public static final String COUNT_BY_AIRLINE = "Flight.countByAirline";
  public static final String COUNT_BY_NUMBER_AND_DEPARTURE = "Flight.countByNumberAndDeparture";

  /** From a block of ids (V2 migration, see id_block), not AUTO_INCREMENT. */
  @Id
  @TableGenerator(
      name = "flight_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "last_id",
      pkColumnValue = "flight",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "flight_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "flight_number", nullable = false)
  private String flightNumber;

  /** The airline whose designator starts the flight number. */
  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "airline_code")
  private Airline airline;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "airplane_id")
  private Airplane airplane;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "departure_airport")
  private Airport departureAirport;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "arrival_airport")
  private Airport arrivalAirport;

  @Column(name = "departs_at", nullable = false)
  private Instant departureTime;

  @Column(name = "arrives_at", nullable = false)
  private Instant arrivalTime;

  @Column(name = "price", nullable = false, precision = 10, scale = 2)
  private BigDecimal price;

  @Column(name = "currency", nullable = false)
  private String currency;

  @Column(name = "total_seats", nullable = false)
  private int totalSeats;

  @Column(name = "available_seats", nullable = false)
  private int availableSeats;

  @Version
  @Column(name = "version")
  private long version;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Flight() {}

  public Flight(
      String flightNumber,
      Airline airline,
      Airplane airplane,
      Airport departureAirport,
      Airport arrivalAirport,
      Instant departureTime,
      Instant arrivalTime,
      BigDecimal price,
      String currency) {
    if (departureAirport.getCode().equals(arrivalAirport.getCode())) {
      throw new IllegalArgumentException("departure and arrival airport are the same");
    }
    if (!airline.numbers(flightNumber)) {
      throw new IllegalArgumentException(flightNumber + " is not a number of " + airline.getCode());
    }
    this.flightNumber = flightNumber;
    this.airline = airline;
    this.airplane = airplane;
    this.departureAirport = departureAirport;
    this.arrivalAirport = arrivalAirport;
    this.currency = currency;
    this.totalSeats = airplane.getCapacity();
    this.availableSeats = totalSeats;
    reschedule(departureTime, arrivalTime);
    reprice(price);
  }

  public void reschedule(Instant departure, Instant arrival) {
    if (!arrival.isAfter(departure)) {
      throw new IllegalArgumentException("arrival is not after departure");
    }
    this.departureTime = departure.truncatedTo(ChronoUnit.SECONDS);
    this.arrivalTime = arrival.truncatedTo(ChronoUnit.SECONDS);
    touch();
  }

  public void reprice(BigDecimal newPrice) {
    if (newPrice.signum() <= 0) {
      throw new IllegalArgumentException("price is not positive");
    }
    this.price = newPrice;
    touch();
  }

  public void giveBack(int seats) {
    if (seats < 0 || availableSeats + seats > totalSeats) {
      throw new IllegalStateException("cannot give back " + seats + " seats");
    }
    if (seats > 0) { // a replayed release gives nothing back and changes nothing
      availableSeats += seats;
      touch();
    }
  }

  private void touch() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  public Long getId() {
    return id;
  }

  public String getFlightNumber() {
    return flightNumber;
  }

  public Airline getAirline() {
    return airline;
  }

  public Airplane getAirplane() {
    return airplane;
  }

  public Airport getDepartureAirport() {
    return departureAirport;
  }

  public Airport getArrivalAirport() {
    return arrivalAirport;
  }

  public Instant getDepartureTime() {
    return departureTime;
  }

  public Instant getArrivalTime() {
    return arrivalTime;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public String getCurrency() {
    return currency;
  }

  public int getTotalSeats() {
    return totalSeats;
  }

  public int getAvailableSeats() {
    return availableSeats;
  }
}
