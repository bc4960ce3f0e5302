package com.airline.flights.catalogue.entity;

import com.airline.flights.Recorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "airline")
@NamedQuery(
    name = Airline.COUNT_BY_ICAO,
    query = "select count(a) from Airline a where a.icao = :icao and a.code <> :code")
public class Airline extends Recorded {

  public static final String COUNT_BY_ICAO = "Airline.countByIcao";

  /** IATA designator, upper case: the first two characters of its flight numbers. */
  @Id
  @Column(name = "code", length = 2)
  private String code;

  /** ICAO code, upper case; null when not known. */
  @Column(name = "icao")
  private String icao;

  @Column(name = "name", nullable = false)
  private String name;

  /** ISO 3166 alpha-2; null for an airline the V3 migration made from flight numbers alone. */
  @Column(name = "country")
  private String country;

  @Column(name = "active", nullable = false)
  private boolean active;

  protected Airline() {}

  public Airline(String code, String icao, String name, String country, boolean active) {
    this.code = code;
    change(icao, name, country, active);
  }

  public void change(String newIcao, String newName, String newCountry, boolean nowActive) {
    this.icao = newIcao;
    this.name = newName;
    this.country = newCountry;
    this.active = nowActive;
  }

  /** Whether a flight number belongs to this airline: it starts with the designator. */
  public boolean numbers(String flightNumber) {
    return flightNumber != null && flightNumber.startsWith(code);
  }

  public String getCode() {
    return code;
  }

  public String getIcao() {
    return icao;
  }

  public String getName() {
    return name;
  }

  public String getCountry() {
    return country;
  }

  public boolean isActive() {
    return active;
  }
}
