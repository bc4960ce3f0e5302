package com.airline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Mailbox;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code ./airline verify}, the quick part, as a user runs it: against the run's services behind a
 * gateway with the limits {@code ./airline up} gives it (the run's own gateway has none a test
 * reaches), reading the mails from the run's SMTP server over IMAP. Every check passes.
 */
class VerifyIT {

  static final Path REPORT = Path.of("target/verify").toAbsolutePath();

  @Test
  void theQuickChecks_allPass_andWriteTheReport() throws IOException {
    Airline.start("auth", "flights", "booking", "reminder");
    Mailbox.start();
    Properties defaults = new Properties();
    try (Reader file =
        Files.newBufferedReader(
            Path.of("../gateway-war/src/main/resources/META-INF/microprofile-config.properties"))) {
      defaults.load(file);
    }
    URI gateway =
        Airline.startInstance(
            "gateway",
            "verify-gateway",
            6,
            Map.of(
                "GATEWAY_RATE_LIMIT", defaults.getProperty("gateway.rate-limit"),
                "GATEWAY_RATE_LIMIT_SIGN_IN", defaults.getProperty("gateway.rate-limit.sign-in"),
                "GATEWAY_TRUSTED_PROXIES", ""));
    Airline.Finished verify =
        Airline.execute(
            "verify.log",
            Map.of(
                "VERIFY_GATEWAY", gateway.toString(),
                "VERIFY_IMAP", "127.0.0.1:" + Mailbox.IMAP_PORT,
                "VERIFY_REPORT", REPORT.toString()),
            "verify");
    System.out.print(verify.output());
    assertEquals(0, verify.status(), verify.output());
    assertTrue(verify.output().contains("6 passed, 0 failed"), verify.output());
    String html = Files.readString(REPORT.resolve("report.html"));
    assertTrue(html.contains("6 passed, 0 failed"), html);
    assertTrue(Files.readString(REPORT.resolve("report.md")).contains("| journey | passed |"));
  }
}
