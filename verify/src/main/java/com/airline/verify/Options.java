package com.airline.verify;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run verifies and with what: the gateway, the first admin, the service client, where mails
 * are read (the SMTP catcher's IMAP side), and where auth's signing key is (to make tokens that are
 * signed right but wrong otherwise: only an operator can). From arguments, else the environment
 * that {@code ./airline} gives every instance.
 */
record Options(
    URI gateway,
    String adminEmail,
    String adminPassword,
    String serviceClient,
    String serviceSecret,
    String imap,
    Signer.Source signingKey,
    int users,
    Path report,
    Full.Settings full,
    Path home,
    String dbHost,
    int dbPort,
    String dbStart,
    String rabbitmqHost,
    List<String> only) {

  static final String USAGE =
      "usage: ./airline verify [--users N] [--gateway URL] [--imap HOST:PORT] [--report DIR]"
          + " [--full [--minutes M] [--bookings B] [--searches S] [--flights F]]"
          + " [--only WORD,...]";

  /** Whether the check is to run: every one, or those whose names hold a word of --only. */
  boolean selects(String check) {
    return only.isEmpty() || only.stream().anyMatch(check::contains);
  }

  static Options parse(String[] args, Map<String, String> env) {
    URI gateway = URI.create(env.getOrDefault("VERIFY_GATEWAY", "http://127.0.0.1:8080"));
    String imap = env.getOrDefault("VERIFY_IMAP", "127.0.0.1:3143");
    int users = 50;
    Path report = Path.of(env.getOrDefault("VERIFY_REPORT", "target/verify"));
    boolean full = false;
    Full.Settings load = Full.Settings.DEFAULT;
    List<String> only = List.of();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--full")) {
        full = true;
        continue;
      }
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--gateway" -> gateway = URI.create(required(args[i], value));
        case "--imap" -> imap = required(args[i], value);
        case "--report" -> report = Path.of(required(args[i], value));
        case "--users" -> users = positive(args[i], required(args[i], value));
        case "--minutes" -> load = load.minutes(positive(args[i], required(args[i], value)));
        case "--bookings" -> load = load.bookings(positive(args[i], required(args[i], value)));
        case "--searches" -> load = load.searches(positive(args[i], required(args[i], value)));
        case "--flights" -> load = load.flights(positive(args[i], required(args[i], value)));
        case "--only" -> only = List.of(required(args[i], value).split(","));
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
      i++;
    }
    String password = env.get("AUTH_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "AUTH_ADMIN_PASSWORD is not set: the checks need the first admin (./airline verify sets it)");
    }
    return new Options(
        gateway.toString().endsWith("/") ? gateway : URI.create(gateway + "/"),
        env.getOrDefault("AUTH_ADMIN_EMAIL", "admin@airline.local"),
        password,
        "booking",
        env.get("BOOKING_CLIENT_SECRET"),
        imap,
        Signer.Source.from(env),
        users,
        report,
        full ? load : null,
        Path.of(env.getOrDefault("AIRLINE_HOME", ".airline")),
        env.getOrDefault("DB_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("DB_PORT", "3306")),
        blankIsNull(env.get("VERIFY_DB_START")),
        env.getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
        only);
  }

  private static String blankIsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static String required(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
    }
    return value;
  }

  private static int positive(String name, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException(name + " needs a positive number, not " + value);
  }
}
