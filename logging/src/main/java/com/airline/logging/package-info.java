/**
 * Every instance's logging across a level change. Payara Micro's {@code set-log-levels} writes the
 * instance's logging.properties and then calls {@code LogManager.readConfiguration()}, which closes
 * the console handler and makes a new one: the JDK loads its formatter through the system class
 * loader, which cannot see Payara's ODL formatter (it lives in Micro's own class loader), so the
 * new handler falls back to the JDK's two-line SimpleFormatter, and the request-id filter the
 * chassis put on the old handler is gone. {@link com.airline.logging.LoggingConfiguration}, named
 * by {@code java.util.logging.config.class}, does that reading instead and puts both back.
 */
package com.airline.logging;
