/**
 * Owns the seat inventory: services (a token with group SERVICE) take and give back seats per
 * booking reference. Both are idempotent per reference and serialized per flight by its row lock,
 * so seats are never sold twice and a retried call never takes or returns seats twice. The gateway
 * never routes here.
 */
package com.airline.flights.inventory;
