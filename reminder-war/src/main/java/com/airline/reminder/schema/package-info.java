/** Owns the schema of airline_reminder: versioned Flyway migrations, run once at start. */
package com.airline.reminder.schema;
