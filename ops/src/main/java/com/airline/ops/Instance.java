package com.airline.ops;

import java.nio.file.Path;

/**
 * One Payara Micro instance of a service: {@code flights-1}, {@code flights-2}... Its ports follow
 * from the service's and its number, the same each time: HTTP port + 100 per instance after the
 * first, Hazelcast port + 1.
 */
record Instance(Service service, int number) {

  Instance {
    if (number < 1 || number > Service.MAX_INSTANCES) {
      throw new IllegalArgumentException(
          service.name() + " has instances 1 to " + Service.MAX_INSTANCES + ", not " + number);
    }
  }

  String name() {
    return service.name() + "-" + number;
  }

  /**
   * Its name in the grid, unique there: AIRLINE_INSTANCE_PREFIX before the name, for a second host
   * (or a second set of instances of this host) that joins the same grid.
   */
  String gridName(Settings settings) {
    return settings.get("AIRLINE_INSTANCE_PREFIX", "") + name();
  }

  int port(Settings settings) {
    return service.port(settings) + Service.PORT_STEP * (number - 1);
  }

  int hazelcastPort(Settings settings) {
    return service.hazelcastPort(settings) + number - 1;
  }

  String url(Settings settings) {
    return "http://" + settings.publicHost() + ":" + port(settings);
  }

  Path pidFile(Settings settings) {
    return settings.home().resolve("run").resolve(name() + ".pid");
  }

  Path restartsFile(Settings settings) {
    return settings.home().resolve("run").resolve(name() + ".restarts");
  }

  Path log(Settings settings) {
    return settings.home().resolve("logs").resolve(name() + ".log");
  }

  Path dir(Settings settings) {
    return settings.home().resolve(name());
  }
}
