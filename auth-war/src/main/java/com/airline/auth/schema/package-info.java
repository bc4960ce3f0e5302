/** Owns the schema of airline_auth: versioned Flyway migrations, run once at start. */
package com.airline.auth.schema;
