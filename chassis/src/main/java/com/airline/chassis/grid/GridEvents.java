package com.airline.chassis.grid;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.map.listener.MapClearedListener;

/**
 * What the grid tells a {@link Directory}: registrations put, replaced, taken out (or the map
 * emptied), members added and gone. Runs on the grid's event threads.
 */
final class GridEvents
    implements EntryAddedListener<String, String>,
        EntryUpdatedListener<String, String>,
        EntryRemovedListener<String, String>,
        EntryEvictedListener<String, String>,
        EntryExpiredListener<String, String>,
        MapClearedListener,
        MembershipListener {

  private final Directory directory;

  GridEvents(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void entryAdded(EntryEvent<String, String> event) {
    directory.seen(event.getKey(), event.getValue());
    directory.rebuild();
  }

  @Override
  public void entryUpdated(EntryEvent<String, String> event) {
    directory.seen(event.getKey(), event.getValue());
    directory.rebuild();
  }

  @Override
  public void entryRemoved(EntryEvent<String, String> event) {
    directory.withdrawn(event.getKey());
    directory.rebuild();
  }

  @Override
  public void entryEvicted(EntryEvent<String, String> event) {
    entryRemoved(event);
  }

  @Override
  public void entryExpired(EntryEvent<String, String> event) {
    entryRemoved(event);
  }

  @Override
  public void mapCleared(MapEvent event) {
    directory.cleared();
    directory.rebuild();
  }

  /** A registration that came before its member was known counts now. */
  @Override
  public void memberAdded(MembershipEvent event) {
    directory.rebuild();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    directory.forget(event.getMember().getUuid().toString());
    directory.rebuild();
  }
}
