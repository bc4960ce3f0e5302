package com.airline.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoutesTest {

  @Test
  void canonical_resolvesEveryOtherSpellingOfAPath() {
    assertEquals(
        "/api/v1/flights/7/reservations", Routes.canonical("/api/v1/flights/7/reservations"));
    assertEquals(
        "/api/v1/flights/7/reservations", Routes.canonical("/api/v1//flights/7/./reservations/"));
    assertEquals(
        "/api/v1/flights/7/reservations", Routes.canonical("/api/v1/flights/8/../7/reservations"));
    assertEquals(
        "/api/v1/flights/7/reservations", Routes.canonical("/api/v1/flights/7/%72eservations"));
    assertEquals(
        "/api/v1/flights/7/reservations", Routes.canonical("/api/v1/flights/7/reservations;x=1"));
    assertEquals("/api/v1/flights/a+b", Routes.canonical("/api/v1/flights/a+b"));
    assertEquals("/api/v1/x%zz", Routes.canonical("/api/v1/x%zz"));
  }
}
