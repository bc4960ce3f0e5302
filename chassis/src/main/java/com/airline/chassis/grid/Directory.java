package com.airline.chassis.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Every service's instances as the data grid knows them, kept here by listeners: an entry published
 * or withdrawn, a member gone. Asking ({@link #urlsOf}) reads a snapshot and never calls the grid.
 * The entry of a member that left or died counts no more from the moment the grid says so (it may
 * stay in the map until a member removes it, which every member watching does).
 *
 * <p>Without a grid (Hazelcast off) it knows no instance, and callers use their configured URLs.
 */
@ApplicationScoped
public class Directory {

  /** The grid's map of registrations, by member UUID. */
  static final String MAP = "airline-instances";

  private static final Logger LOG = Logger.getLogger(Directory.class.getName());

  @Inject Instance<HazelcastInstance> hazelcast;

  /** The registrations seen, by member UUID, members gone or not; guarded by this. */
  private final Map<String, Registration> entries = new HashMap<>();

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Map<String, List<URI>> byService = Map.of();
  private HazelcastInstance grid;
  private IMap<String, String> map;
  private UUID entryListener;
  private UUID memberListener;

  @PostConstruct
  void start() {
    try {
      watch(hazelcast.get());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "No data grid: other services are reached at their configured URLs only",
          e);
    }
  }

  /**
   * Follows the grid's registrations from now on, after reading those there are. The listeners'
   * events wait for the reading (both hold this object's lock), so that they apply after it.
   */
  synchronized void watch(HazelcastInstance grid) {
    this.grid = grid;
    map = grid.getMap(MAP);
    memberListener = grid.getCluster().addMembershipListener(new GridEvents(this));
    entryListener = map.addEntryListener(new GridEvents(this), true);
    map.forEach(this::seen);
    Set<String> members = members();
    for (String member : List.copyOf(entries.keySet())) {
      if (!members.contains(member)) {
        forget(member);
      }
    }
    rebuild();
  }

  @PreDestroy
  synchronized void stop() {
    // The grid outlives an undeployed application: listeners left on it would call into it.
    try {
      if (entryListener != null) {
        map.removeEntryListener(entryListener);
      }
      if (memberListener != null) {
        grid.getCluster().removeMembershipListener(memberListener);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The grid has stopped already", e);
    }
    entryListener = null;
    memberListener = null;
  }

  /**
   * The base URLs of the service's instances in the grid, in a stable order; empty when it knows
   * none. The same list object until the service's instances change.
   */
  public List<URI> urlsOf(String service) {
    return byService.getOrDefault(service, List.of());
  }

  /**
   * Runs after every change of the instances known, on the grid's event thread: it must be quick.
   */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  synchronized void seen(String member, String value) {
    Registration registration = Registration.parse(value);
    if (registration == null) {
      LOG.warning(() -> "Ignored a malformed registration of member " + member + ": " + value);
      entries.remove(member);
    } else {
      entries.put(member, registration);
    }
  }

  /**
   * An entry taken out: withdrawn by its instance, or removed by a member that saw its member go
   * before this one did (the grid's events come on several threads, in no promised order).
   */
  synchronized void withdrawn(String member) {
    dropped(entries.remove(member), "was withdrawn from the grid");
  }

  synchronized void cleared() {
    entries.clear();
  }

  /** A member gone: its entry counts no more, and leaves the map (every member watching asks). */
  synchronized void forget(String member) {
    dropped(entries.remove(member), "has left the grid");
    try {
      map.removeAsync(member);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The grid is stopping", e);
    }
  }

  private static void dropped(Registration registration, String how) {
    if (registration != null) {
      LOG.info(
          () ->
              registration.instance()
                  + " ("
                  + registration.url()
                  + ") "
                  + how
                  + ": no longer used");
    }
  }

  private Set<String> members() {
    return grid.getCluster().getMembers().stream()
        .map(m -> m.getUuid().toString())
        .collect(Collectors.toSet());
  }

  /**
   * The view anew from the entries of the members in the grid now, and the listeners told when it
   * changed. A registration whose member the grid does not know yet (its entry came first) counts
   * once the member is known: a member added rebuilds too.
   */
  synchronized void rebuild() {
    Set<String> members;
    try {
      members = members();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The grid is stopping", e);
      return;
    }
    Map<String, List<URI>> services = new HashMap<>();
    entries.forEach(
        (member, registration) -> {
          if (members.contains(member)) {
            services
                .computeIfAbsent(registration.service(), s -> new ArrayList<>())
                .add(registration.url());
          }
        });
    Map<String, List<URI>> previous = byService;
    Map<String, List<URI>> next = new HashMap<>();
    services.forEach(
        (service, urls) -> {
          List<URI> sorted =
              urls.stream().distinct().sorted(Comparator.comparing(URI::toString)).toList();
          List<URI> known = previous.get(service);
          next.put(service, sorted.equals(known) ? known : sorted);
        });
    if (next.equals(previous)) {
      return;
    }
    byService = Map.copyOf(next);
    LOG.info(() -> "Instances in the grid: " + byService);
    for (Runnable listener : listeners) {
      try {
        listener.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A listener to the grid's instances failed", e);
      }
    }
  }
}
