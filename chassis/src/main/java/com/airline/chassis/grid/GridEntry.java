package com.airline.chassis.grid;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryRemovedListener;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's entry in the grid's map of registrations, under its member's UUID: put there, put
 * back whenever it goes while this instance is published (a member that thought this one gone took
 * it out; after a split the member may have a new UUID), and taken out.
 */
final class GridEntry {

  private static final Logger LOG = Logger.getLogger(GridEntry.class.getName());

  private final HazelcastInstance grid;
  private final IMap<String, String> map;
  private final Registration registration;
  private String key;
  private UUID watch;
  private final UUID lifecycle;
  private boolean removed;

  private GridEntry(HazelcastInstance grid, Registration registration) {
    this.grid = grid;
    this.map = grid.getMap(Directory.MAP);
    this.registration = registration;
    this.key = member();
    this.watch = watch(key);
    this.lifecycle =
        grid.getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                    putBack();
                  }
                });
  }

  /** Puts the registration in the grid, where every member's directory sees it. */
  static GridEntry put(HazelcastInstance grid, Registration registration) {
    GridEntry entry = new GridEntry(grid, registration);
    entry.map.set(entry.key, registration.encode());
    LOG.info(
        () ->
            "Published "
                + registration.instance()
                + " ("
                + registration.service()
                + " at "
                + registration.url()
                + ") in the grid as member "
                + entry.key);
    return entry;
  }

  private String member() {
    return grid.getCluster().getLocalMember().getUuid().toString();
  }

  private UUID watch(String member) {
    return map.addEntryListener((EntryRemovedListener<String, String>) this::taken, member, false);
  }

  private void taken(EntryEvent<String, String> event) {
    putBack();
  }

  private synchronized void putBack() {
    if (removed) {
      return;
    }
    try {
      String member = member();
      if (!member.equals(key)) {
        map.removeEntryListener(watch);
        map.delete(key);
        key = member;
        watch = watch(key);
      }
      if (map.putIfAbsent(key, registration.encode()) == null) {
        LOG.info(() -> registration.instance() + " published in the grid again");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, registration.instance() + " could not be published again", e);
    }
  }

  /** Takes the registration out of the grid, for good. */
  synchronized void remove() {
    removed = true;
    try {
      map.removeEntryListener(watch);
      grid.getLifecycleService().removeLifecycleListener(lifecycle);
      map.delete(key);
      LOG.info(() -> "Withdrew " + registration.instance() + " from the grid");
    } catch (RuntimeException e) {
      // the grid stopped first: this member has left it, which withdraws it all the same
      LOG.log(Level.FINE, "The grid has stopped already", e);
    }
  }
}
