/** Owns the schema of airline_booking: versioned Flyway migrations, run once at start. */
package com.airline.booking.schema;
