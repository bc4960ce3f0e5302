/**
 * Owns cities, airports, airlines and airplanes: the reference data flights are built from. ADMIN
 * writes, anyone reads.
 */
package com.airline.flights.catalogue;
