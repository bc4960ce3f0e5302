/**
 * Every instance's logging across a level change. Payara Micro's {@code set-log-levels} writes the
 * instance's logging.properties and then calls {@code LogManager.readConfiguration()}, which closes
 * the console handler and makes a new one: the JDK loads its formatter through the system class
 * loader, which cannot see Payara's ODL formatter (it lives in Micro's own class loader), so the
 * new handler falls back to the JDK's two-line SimpleFormatter, and the request-id filter the
 * chassis put on the old handler is gone. Nor does the JDK's reading set a package's level on the
 * loggers of its classes unless a logger of the package's very name exists: {@code set-log-levels
 * com.airline.flights=FINE} changed nothing that logs. {@link
 * com.airline.logging.LoggingConfiguration}, named by {@code java.util.logging.config.class}, does
 * that reading instead, puts the formatter and the filter back, and sets each level.
 */
package com.airline.logging;
