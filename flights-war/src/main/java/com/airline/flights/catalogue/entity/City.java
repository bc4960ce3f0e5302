package com.airline.flights.catalogue.entity;

import com.airline.flights.Recorded;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

@Entity
@Table(name = "city")
@NamedQuery(
    name = City.FIND_BY_NAME_PREFIX,
    query = "select c from City c where c.name like :prefix order by c.name, c.id")
@NamedQuery(
    name = City.COUNT_BY_NAME_PREFIX,
    query = "select count(c) from City c where c.name like :prefix")
@NamedQuery(
    name = City.FIND_BY_NAME_AND_COUNTRY,
    query = "select c from City c where c.name = :name and c.country = :country")
public class City extends Recorded {

  public static final String FIND_BY_NAME_PREFIX = "City.findByNamePrefix";
  public static final String COUNT_BY_NAME_PREFIX = "City.countByNamePrefix";
  public static final String FIND_BY_NAME_AND_COUNTRY = "City.findByNameAndCountry";

  /** From a block of ids (V2 migration, see id_block), not AUTO_INCREMENT. */
  @Id
  @TableGenerator(
      name = "city_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "last_id",
      pkColumnValue = "city",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "city_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "country", nullable = false)
  private String country;

  protected City() {}

  public City(String name, String country) {
    change(name, country);
  }

  public void change(String newName, String newCountry) {
    this.name = newName;
    this.country = newCountry;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getCountry() {
    return country;
  }
}
