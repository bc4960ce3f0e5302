package com.airline.chassis.grid;

import com.airline.chassis.health.ServiceStartup;
import com.airline.chassis.token.TokenVerifier;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts this instance in the grid's directory once it is ready, and takes it out when the
 * application is undeployed. When the server stops (SIGTERM) its member leaves the grid before the
 * application is stopped, and when it dies it leaves the grid all the same: either way every {@link
 * Directory} drops its entry as the grid tells it the member left.
 *
 * <p>Ready means the service's start-up has run ({@link ServiceStartup}, where there is one) and
 * the application answers at its own URL: Payara reports the start-up done before the web module
 * serves, and meanwhile answers 404 to every path. Before it is published the instance warms up: it
 * learns auth's token keys, reads the grid's directory, and requests its own warm-up paths
 * (chassis.grid.warm-up, comma-separated) a few times, so that the first requests callers send it
 * do not pay for what the application makes lazily (seconds on a busy machine: a caller's read
 * timeout). An instance without a URL (AIRLINE_INSTANCE_URL) or a service name
 * (chassis.grid.service) publishes nothing.
 */
@ApplicationScoped
public class SelfRegistration {

  private static final Logger LOG = Logger.getLogger(SelfRegistration.class.getName());
  private static final Duration LOOK_EVERY = Duration.ofMillis(250);
  private static final int WARM_UP_ROUNDS = 5;

  /**
   * A path no application serves: the chassis's error page answers it with problem+json once the
   * application serves, Payara with its own 404 before.
   */
  static final String PROBE = "/chassis/grid/probe";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Inject Instance<HazelcastInstance> hazelcast;
  @Inject Instance<ServiceStartup> startup;
  @Inject Instance<TokenVerifier> verifier;

  /** Paths of the service requested before it is published (GET, any answer). */
  @Inject
  @ConfigProperty(name = "chassis.grid.warm-up")
  Optional<String> warmUp;

  @Inject
  @ConfigProperty(name = "chassis.grid.service")
  Optional<String> service;

  @Inject
  @ConfigProperty(name = "airline.instance.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "airline.instance")
  Optional<String> instance;

  private HazelcastInstance grid;
  private GridEntry entry;
  private volatile boolean stopped;

  /** Published, or known not to be: the instance is ready ({@link GridReadiness}). */
  private volatile boolean settled;

  private Future<?> waiting;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (url.isEmpty() || service.isEmpty()) {
      LOG.info("No AIRLINE_INSTANCE_URL or chassis.grid.service: not published in the grid");
      settled = true;
      return;
    }
    URI base = Registration.baseUrl(url.get());
    Registration self = new Registration(service.get(), base, instance.orElse(base.toString()));
    try {
      grid = hazelcast.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "No data grid: " + self.instance() + " is not published", e);
      settled = true;
      return;
    }
    try {
      // looked up, not a @Resource field: Payara looks that one up under java:comp/env in a
      // library's bean and fails the deployment
      ManagedExecutorService executor =
          InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
      waiting = executor.submit(() -> publishWhenReady(self));
    } catch (NamingException e) {
      LOG.log(Level.WARNING, "No managed executor: " + self.instance() + " is not published", e);
      settled = true;
    }
  }

  private void publishWhenReady(Registration self) {
    try {
      if (startup.isResolvable()) {
        while (!stopped && !startup.get().awaitReady(Duration.ofSeconds(1))) {
          // its start-up is still running (migrations, demo data)
        }
      }
      long since = System.nanoTime();
      boolean warned = false;
      while (!stopped && !serves(self.url())) {
        if (!warned && System.nanoTime() - since > Duration.ofSeconds(60).toNanos()) {
          LOG.warning(
              () ->
                  self.instance()
                      + " does not answer at its own URL "
                      + self.url()
                      + " (AIRLINE_INSTANCE_URL) yet: not published in the grid until it does");
          warned = true;
        }
        Thread.sleep(LOOK_EVERY.toMillis());
      }
      warmUp(self);
      publish(grid, self);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, self.instance() + " could not be published in the grid", e);
    } finally {
      settled = true;
    }
  }

  /**
   * Whether this instance has warmed up and is in the grid, or will not be published: until then
   * its readiness is DOWN, so that whoever waits for it to be ready (the launcher, a rolling
   * deploy) waits for it to be in rotation.
   */
  public boolean settled() {
    return settled;
  }

  private void warmUp(Registration self) throws InterruptedException {
    long start = System.nanoTime();
    try {
      if (verifier.isResolvable()) { // which reads the directory for auth's instances
        verifier.get().prefetchKeys();
      }
    } catch (RuntimeException e) {
      // a warm-up, not a condition: the first requests do it instead
      LOG.log(Level.WARNING, self.instance() + ": warm-up incomplete", e);
    }
    List<String> paths =
        warmUp.stream()
            .flatMap(p -> Arrays.stream(p.split(",")))
            .map(String::strip)
            .filter(p -> p.startsWith("/"))
            .toList();
    for (int round = 0; round < WARM_UP_ROUNDS && !stopped; round++) {
      for (String path : paths) {
        request(self.url().resolve(path));
      }
    }
    LOG.info(
        () ->
            self.instance()
                + " warmed up in "
                + (System.nanoTime() - start) / 1_000_000
                + " ms ("
                + WARM_UP_ROUNDS
                + " rounds of "
                + paths
                + ")");
  }

  /** A GET whose answer, whatever it is, is read and dropped. */
  static void request(URI url) throws InterruptedException {
    try {
      CLIENT.send(
          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (java.io.IOException e) {
      LOG.log(Level.FINE, "Warm-up request to " + url + " failed", e);
    }
  }

  /** Whether the application answers at that URL (not Payara in its stead). */
  static boolean serves(URI url) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          CLIENT.send(
              HttpRequest.newBuilder(url.resolve(PROBE)).timeout(Duration.ofSeconds(3)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response
          .headers()
          .firstValue("Content-Type")
          .filter(type -> type.startsWith("application/problem+json"))
          .isPresent();
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** Puts this instance in the grid, unless it is stopping already. */
  synchronized void publish(HazelcastInstance grid, Registration self) {
    if (!stopped) {
      entry = GridEntry.put(grid, self);
    }
  }

  /**
   * Takes this instance out of the grid's directory: callers stop choosing it as soon as their view
   * has the change (draining, later, starts here).
   */
  @PreDestroy
  public synchronized void withdraw() {
    stopped = true;
    if (waiting != null) {
      waiting.cancel(true);
    }
    if (entry != null) {
      entry.remove();
      entry = null;
    }
  }
}
