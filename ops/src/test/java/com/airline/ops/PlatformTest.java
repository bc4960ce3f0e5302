package com.airline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformTest {

  static final List<Service> SERVICES =
      List.of(
          Service.parse("auth     8081  16910  airline_auth     -"),
          Service.parse("flights  8082  16920  airline_flights  -"),
          Service.parse("reminder 8084  16940  airline_reminder rabbitmq-rar"),
          Service.parse("gateway  8080  16900  -                -"));

  static Platform platform(Map<String, String> env) {
    return new Platform(new Settings(env), SERVICES);
  }

  private static List<String> names(List<Instance> instances) {
    return instances.stream().map(Instance::name).toList();
  }

  @Test
  void select_withReplicas_namesEachInstanceOnPortsThatFollowTheFirst() {
    Platform platform = platform(Map.of());
    List<Instance> all = platform.select(List.of(), platform.replicas("flights=2, gateway=3"));
    assertEquals(
        List.of(
            "auth-1",
            "flights-1",
            "flights-2",
            "reminder-1",
            "gateway-1",
            "gateway-2",
            "gateway-3"),
        names(all));
    Instance third = all.get(6);
    assertEquals(8280, third.port(platform.settings));
    assertEquals(16902, third.hazelcastPort(platform.settings));
    assertEquals("http://127.0.0.1:8280", third.url(platform.settings));
  }

  @Test
  void select_aServiceOrOneInstance() {
    Platform platform = platform(Map.of());
    var counts = platform.replicas("flights=2");
    assertEquals(
        List.of("flights-1", "flights-2"), names(platform.select(List.of("flights"), counts)));
    assertEquals(List.of("flights-2"), names(platform.select(List.of("flights-2"), counts)));
    assertEquals(List.of("auth-1"), names(platform.select(List.of("auth", "auth-1"), counts)));
  }

  @Test
  void replicasAndTargets_whenWrong_sayWhat() {
    Platform platform = platform(Map.of());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> platform.replicas("planes=2"))
            .getMessage()
            .contains("unknown service 'planes' (known: auth flights reminder gateway)"));
    assertThrows(IllegalArgumentException.class, () -> platform.replicas("flights=5"));
    assertThrows(IllegalArgumentException.class, () -> platform.replicas("flights=0"));
    assertThrows(IllegalArgumentException.class, () -> platform.replicas("flights"));
    assertThrows(
        IllegalArgumentException.class, () -> platform.select(List.of("flights-9"), Map.of()));
  }

  @Test
  void members_areEveryInstancesHazelcastPortAndTheAdminServers_unlessConfigured() {
    Platform platform = platform(Map.of("FLIGHTS_HAZELCAST_PORT", "17020"));
    String members = platform.members(platform.service("auth"));
    assertEquals(17, members.split(",").length);
    assertTrue(
        members.startsWith("127.0.0.1:16910,127.0.0.1:16911,127.0.0.1:16912,127.0.0.1:16913,"));
    assertTrue(members.contains("127.0.0.1:17023"), members);
    assertTrue(members.endsWith(",127.0.0.1:16903,127.0.0.1:4849"), members);
    assertEquals(members, platform.gridMembers());
    Platform otherAdmin = platform(Map.of("AIRLINE_ADMIN_PORTBASE", "48480"));
    assertTrue(otherAdmin.gridMembers().endsWith(",127.0.0.1:48529"), otherAdmin.gridMembers());

    Platform twoHosts = platform(Map.of("AIRLINE_CLUSTER_MEMBERS", "a:16900,b:16900"));
    assertEquals("a:16900,b:16900", twoHosts.members(twoHosts.service("flights")));
    Platform own =
        platform(Map.of("AIRLINE_CLUSTER_MEMBERS", "a:1", "GATEWAY_CLUSTER_MEMBERS", "c:2"));
    assertEquals("c:2", own.members(own.service("gateway")));
  }
}
