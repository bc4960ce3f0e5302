package com.airline.chassis.health;

import com.airline.chassis.schema.Migrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A service's start, in the one order that works: its schema migrated, then the service's own steps
 * ({@link #start}); only then is it ready, to its health check (ready means every step ran and the
 * database answers) and to its timers and consumers, which Payara starts before the application is
 * initialized and which therefore ask {@link #ready} or {@link #awaitReady} first.
 *
 * <p>A service subclasses it as an {@code @ApplicationScoped @Readiness @Default} bean. The
 * database is the platform's {@code jdbc/airline}, looked up when the service starts rather than
 * injected, so that the gateway, which has none, can carry the chassis.
 */
public abstract class ServiceStartup implements HealthCheck {

  public static final String DATASOURCE = "jdbc/airline";

  private final CountDownLatch started = new CountDownLatch(1);
  private volatile DataSource dataSource;

  protected void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored)
      throws NamingException {
    dataSource = InitialContext.doLookup(DATASOURCE);
    Migrations.migrate(dataSource, getClass().getClassLoader());
    start();
    started.countDown();
  }

  /** The service's own start-up steps, after the migrations; none by default. */
  protected void start() {}

  public boolean ready() {
    return started.getCount() == 0;
  }

  /** Waits until the service has started; false if it has not after the given time. */
  public boolean awaitReady(Duration atMost) {
    try {
      return started.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public HealthCheckResponse call() {
    if (!ready()) {
      return HealthCheckResponse.named("database").down().withData("starting", true).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return HealthCheckResponse.named("database").status(connection.isValid(2)).build();
    } catch (SQLException e) {
      return HealthCheckResponse.named("database").down().withData("error", e.getMessage()).build();
    }
  }
}
