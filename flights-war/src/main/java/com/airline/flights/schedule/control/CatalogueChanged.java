package com.airline.flights.schedule.control;

/** Fired by every write to the catalogue; cached searches are dropped once it commits. */
public record CatalogueChanged(String what) {}
