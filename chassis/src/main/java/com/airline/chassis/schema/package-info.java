/**
 * A service's schema: its Flyway migrations run before anything uses the database, and JPA's
 * Instant.
 */
package com.airline.chassis.schema;
