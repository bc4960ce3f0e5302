package com.airline.chassis.grid;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends each call of a REST client to the next instance, in turn, of the service the grid knows,
 * never to the one the same thread called last (so a retry goes to another one, whatever other
 * threads took meanwhile); to the client's configured URL while it knows none. A service's client
 * registers a subclass naming the service: {@code @RegisterProvider(AnyFlightsInstance.class)}.
 * Only the scheme, host and port change: the path is the configured one's.
 */
public abstract class AnyInstance implements ClientRequestFilter {

  private static final Logger LOG = Logger.getLogger(AnyInstance.class.getName());

  private final String service;
  private final AtomicInteger turn = new AtomicInteger();

  /** The instance this thread called last: its next call (a retry) goes to another one. */
  private final ThreadLocal<URI> last = new ThreadLocal<>();

  private volatile Directory directory;

  protected AnyInstance(String service) {
    this.service = service;
  }

  /** For a test: the directory to choose from. */
  AnyInstance(String service, Directory directory) {
    this(service);
    this.directory = directory;
  }

  @Override
  public void filter(ClientRequestContext request) {
    URI instance = next();
    if (instance != null) {
      request.setUri(at(instance, request.getUri()));
    }
  }

  /** The same request target on another instance: its scheme, host and port, the same path. */
  static URI at(URI instance, URI target) {
    String query = target.getRawQuery();
    return URI.create(
        instance.getScheme()
            + "://"
            + instance.getRawAuthority()
            + target.getRawPath()
            + (query == null ? "" : "?" + query));
  }

  /** The next instance in turn; null while the grid knows none. */
  URI next() {
    Directory known = directory();
    if (known == null) {
      return null;
    }
    List<URI> urls = known.urlsOf(service);
    if (urls.isEmpty()) {
      return null;
    }
    int next = Math.floorMod(turn.getAndIncrement(), urls.size());
    URI chosen = urls.get(next);
    if (urls.size() > 1 && chosen.equals(last.get())) {
      chosen = urls.get((next + 1) % urls.size());
    }
    last.set(chosen);
    return chosen;
  }

  /**
   * The application's directory, looked up once: the REST client makes its providers itself, not
   * through CDI.
   */
  private Directory directory() {
    Directory known = directory;
    if (known == null) {
      try {
        known = CDI.current().select(Directory.class).get();
        directory = known;
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "No directory yet: the configured URL is used", e);
      }
    }
    return known;
  }
}
