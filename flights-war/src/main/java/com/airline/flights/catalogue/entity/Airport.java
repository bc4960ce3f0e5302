package com.airline.flights.catalogue.entity;

import com.airline.flights.Recorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "airport")
@NamedQuery(
    name = Airport.COUNT_BY_CITY,
    query = "select count(a) from Airport a where a.city.id = :cityId")
public class Airport extends Recorded {

  public static final String COUNT_BY_CITY = "Airport.countByCity";

  /** IATA code, upper case. */
  @Id
  @Column(name = "code", length = 3)
  private String code;

  @Column(name = "name", nullable = false)
  private String name;

  @ManyToOne(optional = false)
  @JoinColumn(name = "city_id")
  private City city;

  protected Airport() {}

  public Airport(String code, String name, City city) {
    this.code = code;
    change(name, city);
  }

  public void change(String newName, City newCity) {
    this.name = newName;
    this.city = newCity;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public City getCity() {
    return city;
  }
}
