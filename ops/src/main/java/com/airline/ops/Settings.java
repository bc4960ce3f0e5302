package com.airline.ops;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The launcher's configuration: the environment, as README's table describes it. A per-service
 * setting is {@code <SERVICE>_<KEY>} (FLIGHTS_PORT), else the default given.
 */
record Settings(Map<String, String> env) {

  static Settings fromEnvironment() {
    return new Settings(System.getenv());
  }

  String get(String key, String otherwise) {
    String value = env.get(key);
    return value == null || value.isEmpty() ? otherwise : value;
  }

  String of(String service, String key, String otherwise) {
    return get(service.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + key, otherwise);
  }

  Path root() {
    return Path.of(get("AIRLINE_ROOT", ".")).toAbsolutePath().normalize();
  }

  Path home() {
    return Path.of(get("AIRLINE_HOME", root().resolve(".airline").toString()));
  }

  String cluster() {
    return get("AIRLINE_CLUSTER", "airline");
  }

  /** The host other members and the gateway reach this machine's instances at. */
  String publicHost() {
    return get("AIRLINE_PUBLIC_HOST", "127.0.0.1");
  }
}
