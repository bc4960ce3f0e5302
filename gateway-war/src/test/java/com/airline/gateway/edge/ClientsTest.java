package com.airline.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientsTest {

  final Set<String> proxies = Set.of("10.0.0.1", "10.0.0.2");

  @Test
  void address_isThePeer_whenThePeerIsNoTrustedProxy() {
    assertEquals("203.0.113.9", Clients.address("203.0.113.9", "198.51.100.1", proxies));
    assertEquals("203.0.113.9", Clients.address("203.0.113.9", null, proxies));
  }

  @Test
  void address_isTheLastUntrustedHop_behindTrustedProxies() {
    assertEquals("198.51.100.1", Clients.address("10.0.0.1", "198.51.100.1", proxies));
    assertEquals(
        "198.51.100.1",
        Clients.address("10.0.0.1", "6.6.6.6, 198.51.100.1, 10.0.0.2", proxies),
        "what the client wrote before the first trusted hop is not believed");
    assertEquals("10.0.0.1", Clients.address("10.0.0.1", "10.0.0.2, ", proxies));
  }
}
