package com.airline.flights.catalogue.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "airplane")
@NamedQuery(name = Airplane.FIND_ALL, query = "select a from Airplane a order by a.model, a.id")
@NamedQuery(name = Airplane.COUNT_ALL, query = "select count(a) from Airplane a")
public class Airplane {

  public static final String FIND_ALL = "Airplane.findAll";
  public static final String COUNT_ALL = "Airplane.countAll";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
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

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Airplane() {}

  public Airplane(String model, int capacity) {
    change(model, capacity);
    this.createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
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
