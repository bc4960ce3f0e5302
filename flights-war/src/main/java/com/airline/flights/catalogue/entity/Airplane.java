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
@Table(name = "airplane")
@NamedQuery(name = Airplane.FIND_ALL, query = "select a from Airplane a order by a.model, a.id")
@NamedQuery(name = Airplane.COUNT_ALL, query = "select count(a) from Airplane a")
public class Airplane extends Recorded {

  public static final String FIND_ALL = "Airplane.findAll";
  public static final String COUNT_ALL = "Airplane.countAll";

  /** From a block of ids (V2 migration, see id_block), not AUTO_INCREMENT. */
  @Id
  @TableGenerator(
      name = "airplane_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "last_id",
      pkColumnValue = "airplane",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "airplane_id")
  @Column(name = "id")
  private Long id;

  @Column(name = "model", nullable = false)
  private String model;

  /**
   * Seats; a flight takes it as its total at creation, so later changes leave scheduled flights
   * alone.
   */
  @Column(name = "capacity", nullable = false)
  private int capacity;

  protected Airplane() {}

  public Airplane(String model, int capacity) {
    change(model, capacity);
  }

  public void change(String newModel, int newCapacity) {
    this.model = newModel;
    this.capacity = newCapacity;
  }

  public Long getId() {
    return id;
  }

  public String getModel() {
    return model;
  }

  public int getCapacity() {
    return capacity;
  }
}
