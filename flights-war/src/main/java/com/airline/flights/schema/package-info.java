/** Owns the schema of airline_flights: versioned Flyway migrations, run once at start. */
package com.airline.flights.schema;
