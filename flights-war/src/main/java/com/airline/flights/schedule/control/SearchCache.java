package com.airline.flights.schedule.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Search result pages, serialized, for flights.search.cache-ttl. The catalogue is read far more
 * than written: a hit costs a map lookup instead of ~2 ms of database and mapping work. Catalogue
 * writes empty it once they commit; seat counts in a cached page lag by at most the TTL, which the
 * contract allows (the reservation is the authority). Writes on other instances of the service
 * arrive as a message on the data grid; should the grid be missing, they show within the TTL. A
 * page's answer says how much longer it is fresh (Cache-Control), so that the gateway keeping it
 * adds no lag.
 */
@ApplicationScoped
public class SearchCache {

  /** A page, and the catalogue generation it was read in: any write since makes it stale. */
  private record Entry(String json, long expiresAt, long generation) {}

  private static final Jsonb JSONB = JsonbBuilder.create();

  private final ConcurrentHashMap<SearchQuery, Entry> pages = new ConcurrentHashMap<>();

  /** Bumped by every write, so that a page read before the write is not cached after it. */
  private final AtomicLong generation = new AtomicLong();

  private static final Logger LOG = Logger.getLogger(SearchCache.class.getName());
  private static final String TOPIC = "flights.catalogue-changed";

  @Inject FlightSearch search;
  @Inject Instance<HazelcastInstance> grid;

  private volatile ITopic<String> others;

  @Inject
  @ConfigProperty(name = "flights.search.cache-ttl")
  Duration ttl;

  @Inject
  @ConfigProperty(name = "flights.search.cache-entries")
  int maxEntries;

  @PostConstruct
  void listen() {
    try {
      ITopic<String> topic = grid.get().getTopic(TOPIC);
      topic.addMessageListener(
          message -> {
            if (!message.getPublishingMember().localMember()) {
              forget();
            }
          });
      others = topic;
    } catch (RuntimeException e) {
      LOG.warning(
          "No data grid: writes on other instances show here within the cache TTL only ("
              + e
              + ")");
    }
  }

  /** A page of results, and how much longer it stays fresh. */
  public record Page(String json, Duration fresh) {}

  public Page page(SearchQuery query) {
    long now = System.nanoTime();
    Entry entry = pages.get(query);
    if (entry != null && now - entry.expiresAt() < 0 && entry.generation() == generation.get()) {
      return new Page(entry.json(), Duration.ofNanos(entry.expiresAt() - now));
    }
    long before = generation.get();
    var found = search.search(query);
    String json = JSONB.toJson(found);
    // what a cache miss cost, for an operator who turns com.airline.flights to FINE
    LOG.fine(
        () ->
            "Search read from the database in "
                + (System.nanoTime() - now) / 1_000_000
                + " ms: "
                + found.totalItems()
                + " flights for "
                + query);
    if (pages.size() >= maxEntries) {
      pages.clear(); // crude, but bounded; the TTL is short anyway
    }
    // a write during the search (and its clear) makes the entry stale at once, even if put after
    pages.put(query, new Entry(json, now + ttl.toNanos(), before));
    return new Page(json, ttl);
  }

  void onCatalogueChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
    forget();
    if (others != null) {
      others.publish(change.what());
    }
  }

  private void forget() {
    generation.incrementAndGet();
    pages.clear();
  }
}
