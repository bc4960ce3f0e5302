package com.airline.auth.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The services allowed to get SERVICE tokens: auth.service-clients lists {@code id:secret} pairs.
 */
@ApplicationScoped
public class ServiceClients {

  @Inject Config config;

  public boolean authenticate(String clientId, String secret) {
    byte[] given = (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (String client :
        config.getOptionalValues("auth.service-clients", String.class).orElse(List.of())) {
      // compare every entry in constant time, so timing tells nothing about the secrets
      match |= MessageDigest.isEqual(client.trim().getBytes(StandardCharsets.UTF_8), given);
    }
    return match;
  }
}
