package com.airline.reminder.schedule.control;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The reminder instances in the data grid, by the names Payara Micro files persistent timers under
 * (its {@code --name}): a timer fires only on the instance of its name, so the reminders of one
 * that left must be armed on another. The members of every service share the grid: a reminder
 * instance enters itself in a map of its own, member UUID to name, strings only (the members of the
 * other services hold partitions of it without our classes).
 */
@ApplicationScoped
public class ReminderMembers {

  /** Payara's names of the members by UUID (HazelcastCore), which its timer store goes by. */
  private static final String PAYARA_ATTRIBUTES = "payara-instance-map";

  private static final String PAYARA_NAME = "GLASSFISH-INSTANCE";

  private static final String INSTANCES = "reminder-instances";

  @Inject HazelcastInstance grid;

  private volatile UUID listener;
  private volatile String self;

  /**
   * This instance's name, which its timers are filed under. Payara's member attribute of the same
   * name came out empty on Micro 6.2025.10; its map has it.
   */
  public String self() {
    if (self == null) {
      Map<String, String> attributes =
          grid.<UUID, Map<String, String>>getMap(PAYARA_ATTRIBUTES).get(uuid());
      self = attributes == null ? null : attributes.get(PAYARA_NAME);
    }
    return self;
  }

  /** Enters this instance as a reminder instance of the grid. */
  public void enter() {
    instances().put(uuid().toString(), self());
  }

  /** The names of the reminder instances in the grid now, this one's included once it entered. */
  public Set<String> live() {
    Set<String> members =
        grid.getCluster().getMembers().stream()
            .map(m -> m.getUuid().toString())
            .collect(Collectors.toSet());
    return new HashSet<>(instances().getAll(members).values());
  }

  /**
   * From now on, calls the action on the executor with the name of each reminder instance that
   * leaves the grid (stopped, killed, cut off), on one of the survivors: the one that takes its
   * entry out of the map. The grid's event thread only hands the departure over, since finding out
   * who left is a call to the grid.
   */
  public void whenOneLeaves(Executor executor, Consumer<String> action) {
    listener =
        grid.getCluster()
            .addMembershipListener(
                new MembershipListener() {
                  @Override
                  public void memberAdded(MembershipEvent event) {}

                  @Override
                  public void memberRemoved(MembershipEvent event) {
                    String uuid = event.getMember().getUuid().toString();
                    executor.execute(
                        () -> {
                          String name = instances().remove(uuid);
                          if (name != null) {
                            action.accept(name);
                          }
                        });
                  }
                });
  }

  /** The grid outlives the application (a redeploy): its listener must not. */
  @PreDestroy
  void leave() {
    if (listener != null) {
      grid.getCluster().removeMembershipListener(listener);
    }
  }

  private UUID uuid() {
    return grid.getCluster().getLocalMember().getUuid();
  }

  private IMap<String, String> instances() {
    return grid.getMap(INSTANCES);
  }
}
