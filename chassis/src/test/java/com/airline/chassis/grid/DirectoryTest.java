package com.airline.chassis.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registrations and the directory on members of a real grid (embedded Hazelcast, as inside Payara
 * Micro): a gateway's member watching, the services' members publishing.
 */
class DirectoryTest {

  static final URI FLIGHTS_1 = URI.create("http://127.0.0.1:8082");
  static final URI FLIGHTS_2 = URI.create("http://127.0.0.1:8182");
  static final Duration AT_MOST = Duration.ofSeconds(30);

  static String cluster;
  static int[] ports;
  static HazelcastInstance one;
  static HazelcastInstance two;

  final List<Directory> directories = new ArrayList<>();
  final List<SelfRegistration> registrations = new ArrayList<>();

  @BeforeAll
  static void grid() throws IOException {
    cluster = "directory-test-" + UUID.randomUUID();
    ports = freePorts(3);
    one = member(0);
    two = member(1);
    assertEquals(2, one.getCluster().getMembers().size());
  }

  @AfterAll
  static void stopGrid() {
    two.shutdown();
    one.shutdown();
  }

  @BeforeEach
  void emptyMap() {
    one.getMap(Directory.MAP).clear();
  }

  @AfterEach
  void stopWatching() {
    registrations.forEach(SelfRegistration::withdraw);
    directories.forEach(Directory::stop);
  }

  @Test
  void aPublishedInstance_isSeenOnAnotherMember_andGoneOnceWithdrawn() throws Exception {
    Directory directory = watching(one);
    AtomicInteger changes = new AtomicInteger();
    directory.onChange(changes::incrementAndGet);

    SelfRegistration flights = published(two, "flights", FLIGHTS_2);
    await(() -> directory.urlsOf("flights").equals(List.of(FLIGHTS_2)), "flights-2 seen");
    await(() -> changes.get() >= 1, "listeners told");
    assertEquals(List.of(), directory.urlsOf("booking"));

    flights.withdraw();
    await(() -> directory.urlsOf("flights").isEmpty(), "flights-2 withdrawn");
    assertNull(one.getMap(Directory.MAP).get(uuid(two)));
  }

  @Test
  void instancesOfAService_comeInAStableOrder_andTheSameListUntilTheyChange() throws Exception {
    Directory directory = watching(one);
    published(two, "flights", FLIGHTS_2);
    published(one, "flights", FLIGHTS_1);
    await(() -> directory.urlsOf("flights").size() == 2, "both flights instances seen");
    List<URI> seen = directory.urlsOf("flights");
    assertEquals(List.of(FLIGHTS_1, FLIGHTS_2), seen);

    published(two, "booking", URI.create("http://127.0.0.1:8083"));
    await(() -> !directory.urlsOf("booking").isEmpty(), "booking seen");
    assertEquals(List.of(FLIGHTS_1), directory.urlsOf("flights"), "two is booking now");
  }

  @Test
  void aMemberThatDies_isDroppedAtOnce_andItsEntryRemoved() throws Exception {
    HazelcastInstance three = member(2);
    Directory directory = watching(one);
    String member = uuid(three);
    published(three, "flights", FLIGHTS_2);
    await(() -> directory.urlsOf("flights").equals(List.of(FLIGHTS_2)), "flights-2 seen");

    three.getLifecycleService().terminate(); // no withdrawal: as a kill -9
    await(() -> directory.urlsOf("flights").isEmpty(), "flights-2 dropped with its member");
    IMap<String, String> map = one.getMap(Directory.MAP);
    await(() -> !map.containsKey(member), "its entry removed from the grid");
  }

  /**
   * Whichever event comes first, the entry taken out by another member or the member's departure,
   * the directory says which instance it no longer uses (operators and DiscoveryIT read it).
   */
  @Test
  void anInstanceDropped_isLogged_whicheverEventComesFirst() throws Exception {
    Directory directory = watching(one);
    List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    var logger = java.util.logging.Logger.getLogger(Directory.class.getName());
    var handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      String gone = UUID.randomUUID().toString();
      directory.seen(gone, "flights " + FLIGHTS_2 + " flights-2");
      directory.withdrawn(gone); // another member removed it before this one saw the member go
      directory.forget(gone);
      String left = UUID.randomUUID().toString();
      directory.seen(left, "flights " + FLIGHTS_1 + " flights-1");
      directory.forget(left);
      directory.withdrawn(left);
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(
        List.of(
            "flights-2 (" + FLIGHTS_2 + ") was withdrawn from the grid: no longer used",
            "flights-1 (" + FLIGHTS_1 + ") has left the grid: no longer used"),
        logged);
  }

  @Test
  void entriesOfMembersNotInTheGrid_andMalformedOnes_countNot() throws Exception {
    IMap<String, String> map = one.getMap(Directory.MAP);
    String gone = UUID.randomUUID().toString();
    map.set(gone, "flights " + FLIGHTS_2 + " flights-2");
    map.set(uuid(two), "flights " + FLIGHTS_1 + " flights-1");

    Directory directory = watching(one);
    assertEquals(List.of(FLIGHTS_1), directory.urlsOf("flights"));
    await(() -> !map.containsKey(gone), "the entry of a member gone removed");

    map.set(uuid(two), "flights not-a-url");
    await(() -> directory.urlsOf("flights").isEmpty(), "a malformed entry does not count");
  }

  @Test
  void anEntryTakenOutWhilePublished_isPutBack() throws Exception {
    Directory directory = watching(one);
    published(two, "flights", FLIGHTS_2);
    await(() -> !directory.urlsOf("flights").isEmpty(), "flights-2 seen");

    one.getMap(Directory.MAP).delete(uuid(two));
    await(
        () -> one.getMap(Directory.MAP).containsKey(uuid(two)), "flights-2 published itself again");
    await(() -> directory.urlsOf("flights").equals(List.of(FLIGHTS_2)), "and is seen again");
  }

  @Test
  void anInstanceWithoutAUrl_publishesNothing() {
    SelfRegistration registration = new SelfRegistration();
    registration.service = Optional.of("flights");
    registration.url = Optional.empty();
    registration.instance = Optional.of("flights-9");
    registration.onStart(new Object()); // would fail on the missing grid if it tried
    assertTrue(one.getMap(Directory.MAP).isEmpty());
    assertTrue(registration.settled(), "ready all the same");
  }

  @Test
  void anyInstance_takesTheGridsInTurn_elseLeavesTheConfiguredUrl() throws Exception {
    Directory directory = watching(one);
    AnyInstance any = new AnyInstance("flights", directory) {};
    assertNull(any.next(), "none in the grid");

    published(one, "flights", FLIGHTS_1);
    published(two, "flights", FLIGHTS_2);
    await(() -> directory.urlsOf("flights").size() == 2, "both seen");
    URI first = any.next();
    URI second = any.next();
    assertEquals(List.of(FLIGHTS_1, FLIGHTS_2), List.of(first, second).stream().sorted().toList());
    assertSame(first, any.next());

    // a retry on this thread goes to the other instance, whatever other threads took meanwhile
    URI mine = any.next();
    for (int others = 0; others < 3; others++) {
      var other = new java.util.concurrent.FutureTask<>(any::next);
      new Thread(other).start();
      other.get();
      assertNotEquals(mine, any.next(), "after " + others + " call(s) by another thread");
      mine = any.next();
    }

    assertEquals(
        URI.create("http://127.0.0.1:8182/api/v1/flights/7/reservations?x=a%20b"),
        AnyInstance.at(
            FLIGHTS_2, URI.create("http://127.0.0.1:8082/api/v1/flights/7/reservations?x=a%20b")));
  }

  private Directory watching(HazelcastInstance member) {
    Directory directory = new Directory();
    directory.watch(member);
    directories.add(directory);
    return directory;
  }

  private SelfRegistration published(HazelcastInstance member, String service, URI url) {
    SelfRegistration registration = new SelfRegistration();
    registration.publish(member, new Registration(service, url, service + "-x"));
    registrations.add(registration);
    return registration;
  }

  static String uuid(HazelcastInstance member) {
    return member.getCluster().getLocalMember().getUuid().toString();
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + AT_MOST.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + AT_MOST + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  static int[] freePorts(int count) throws IOException {
    int[] found = new int[count];
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        found[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return found;
  }

  /** The member on ports[index], which looks for the others on the other ports. */
  static HazelcastInstance member(int index) {
    Config config = new Config().setClusterName(cluster);
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    var network = config.getNetworkConfig().setPort(ports[index]).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    var join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    var tcp = join.getTcpIpConfig().setEnabled(true);
    for (int port : ports) {
      tcp.addMember("127.0.0.1:" + port);
    }
    return Hazelcast.newHazelcastInstance(config);
  }
}
