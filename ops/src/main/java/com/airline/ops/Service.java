package com.airline.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A line of server-config/services: a service, the port and Hazelcast port of its first instance,
 * its database ("-" for none) and the resource adapters deployed before its WAR.
 */
record Service(String name, int port, int hazelcastPort, String database, List<String> adapters) {

  /** Instances of one service at the most: the grid's member list names this many per service. */
  static final int MAX_INSTANCES = 4;

  /** How far apart the HTTP ports of one service's instances are (flights-2 on 8182). */
  static final int PORT_STEP = 100;

  static List<Service> table(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(Service::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Service parse(String line) {
    String[] f = line.split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("server-config/services: not 5 fields: " + line);
    }
    List<String> adapters = f[4].equals("-") ? List.of() : Arrays.asList(f[4].split(","));
    return new Service(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], adapters);
  }

  int port(Settings settings) {
    return Integer.parseInt(settings.of(name, "PORT", Integer.toString(port)));
  }

  int hazelcastPort(Settings settings) {
    return Integer.parseInt(settings.of(name, "HAZELCAST_PORT", Integer.toString(hazelcastPort)));
  }

  /** The WAR as built (mvn package). */
  java.nio.file.Path builtWar(Settings settings) {
    return settings.root().resolve(name + "-war/target/" + name + "-war.war");
  }

  /**
   * The WAR its instances run: a copy of the built one made by {@code up} when none of them runs,
   * or the one {@code deploy} rolled out; so that every instance of the service (and every restart
   * by the supervisor) runs the same version whatever is built meanwhile.
   */
  java.nio.file.Path deployedWar(Settings settings) {
    return settings.home().resolve("deploy").resolve(name + "-war.war");
  }

  String database(Settings settings) {
    return settings.of(name, "DB_NAME", database);
  }
}
