package com.airline.chassis.schema;

import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a service's database to the newest version of its db/migration before anything uses it.
 */
public final class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  private Migrations() {}

  /** Runs the migrations the class loader finds in {@code db/migration}. */
  public static void migrate(DataSource dataSource, ClassLoader service) {
    var result =
        Flyway.configure(service)
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations run)");
  }
}
