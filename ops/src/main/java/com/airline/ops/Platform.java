package com.airline.ops;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The services of server-config/services, their instances, and the one grid they form. */
final class Platform {

  final Settings settings;
  final List<Service> services;

  Platform(Settings settings, List<Service> services) {
    this.settings = settings;
    this.services = services;
  }

  static Platform load(Settings settings) {
    return new Platform(
        settings, Service.table(settings.root().resolve("server-config").resolve("services")));
  }

  Service service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown service '"
                        + name
                        + "' (known: "
                        + services.stream().map(Service::name).collect(Collectors.joining(" "))
                        + ")"));
  }

  /**
   * How many instances each service runs: {@code flights=2,booking=2} (--replicas, else
   * AIRLINE_REPLICAS); one for a service not named.
   */
  Map<Service, Integer> replicas(String spec) {
    Map<Service, Integer> counts = new LinkedHashMap<>();
    services.forEach(s -> counts.put(s, 1));
    if (spec == null || spec.isBlank()) {
      return counts;
    }
    for (String entry : spec.split(",")) {
      String[] pair = entry.strip().split("=", 2);
      int count;
      try {
        count = Integer.parseInt(pair.length == 2 ? pair[1].strip() : "");
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "replicas: '" + entry.strip() + "' is not SERVICE=COUNT (e.g. flights=2,booking=2)");
      }
      if (count < 1 || count > Service.MAX_INSTANCES) {
        throw new IllegalArgumentException(
            "replicas: "
                + pair[0].strip()
                + " may have 1 to "
                + Service.MAX_INSTANCES
                + " instances");
      }
      counts.put(service(pair[0].strip()), count);
    }
    return counts;
  }

  /**
   * What a command's arguments name: nothing for every service, {@code flights} for all of its
   * instances (as many as {@code counts} says), {@code flights-2} for one.
   */
  List<Instance> select(List<String> targets, Map<Service, Integer> counts) {
    List<Instance> selected = new ArrayList<>();
    if (targets.isEmpty()) {
      services.forEach(s -> selected.addAll(instances(s, counts.getOrDefault(s, 1))));
    }
    for (String target : targets) {
      int dash = target.lastIndexOf('-');
      if (dash > 0 && target.substring(dash + 1).matches("[0-9]+")) {
        selected.add(
            new Instance(
                service(target.substring(0, dash)), Integer.parseInt(target.substring(dash + 1))));
      } else {
        Service service = service(target);
        selected.addAll(instances(service, counts.getOrDefault(service, 1)));
      }
    }
    return selected.stream().distinct().toList();
  }

  private static List<Instance> instances(Service service, int count) {
    List<Instance> list = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      list.add(new Instance(service, n));
    }
    return list;
  }

  /** Every instance this home knows: each service's first, and any other that ran here. */
  List<Instance> known() {
    List<Instance> list = new ArrayList<>();
    for (Service service : services) {
      for (int n = 1; n <= Service.MAX_INSTANCES; n++) {
        Instance instance = new Instance(service, n);
        if (n == 1
            || Files.exists(instance.pidFile(settings))
            || Files.exists(instance.restartsFile(settings))) {
          list.add(instance);
        }
      }
    }
    return list;
  }

  /**
   * Where an instance looks for the grid's other members: AIRLINE_CLUSTER_MEMBERS (host:port,...:
   * other hosts too), else the Hazelcast ports of every instance any service may have here and the
   * admin server's.
   */
  String members(Service service) {
    return settings.of(service.name(), "CLUSTER_MEMBERS", gridMembers());
  }

  /**
   * The grid's member list as the admin server gets it, and every instance unless its service has
   * one of its own: AIRLINE_CLUSTER_MEMBERS, else every instance's Hazelcast port on this host and
   * the admin server's (an instance runs the same whether the admin server runs or not, and finds
   * it when it starts).
   */
  String gridMembers() {
    List<String> all = new ArrayList<>();
    for (Service s : services) {
      for (int n = 1; n <= Service.MAX_INSTANCES; n++) {
        all.add("127.0.0.1:" + new Instance(s, n).hazelcastPort(settings));
      }
    }
    all.add("127.0.0.1:" + AdminDomain.hazelcastPort(settings));
    return settings.get("AIRLINE_CLUSTER_MEMBERS", String.join(",", all));
  }
}
