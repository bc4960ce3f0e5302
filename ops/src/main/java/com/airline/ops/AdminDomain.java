package com.airline.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The admin server's domain as the settings make it: its ports (AIRLINE_ADMIN_PORTBASE), where it
 * lives ({@code $AIRLINE_HOME/admin/airline}), its user and password, and the asadmin command lines
 * that make it, configure it and talk to it. {@link AdminServer} runs them.
 */
final class AdminDomain {

  static final int DEFAULT_PORTBASE = 4800;

  /**
   * The ports of a domain made with {@code --portbase P}, as offsets from P: debugger, IIOP (3),
   * admin, the DAS's Hazelcast member, Hazelcast's start port, OSGi shell, JMS, HTTP, HTTPS, JMX.
   */
  static final List<Integer> PORT_OFFSETS = List.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86);

  static final int ADMIN_OFFSET = 48;
  static final int HAZELCAST_OFFSET = 49;
  static final String DOMAIN = "airline";

  private static final Pattern SECURE_ADMIN =
      Pattern.compile("<secure-admin\\s[^>]*\\benabled=\"true\"");

  private final Platform platform;
  private final Settings settings;

  AdminDomain(Platform platform) {
    this.platform = platform;
    this.settings = platform.settings;
  }

  static int portbase(Settings settings) {
    String value = settings.get("AIRLINE_ADMIN_PORTBASE", Integer.toString(DEFAULT_PORTBASE));
    int portbase;
    try {
      portbase = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("AIRLINE_ADMIN_PORTBASE '" + value + "' is no number");
    }
    int last = PORT_OFFSETS.get(PORT_OFFSETS.size() - 1);
    if (portbase < 1024 || portbase + last > 65535) {
      throw new IllegalArgumentException(
          "AIRLINE_ADMIN_PORTBASE must be 1024 to " + (65535 - last) + ", not " + portbase);
    }
    return portbase;
  }

  /** The DAS's own Hazelcast member, which every instance's default member list names. */
  static int hazelcastPort(Settings settings) {
    return portbase(settings) + HAZELCAST_OFFSET;
  }

  int adminPort() {
    return portbase(settings) + ADMIN_OFFSET;
  }

  String consoleUrl() {
    return "https://" + settings.publicHost() + ":" + adminPort() + "/";
  }

  String user() {
    return settings.get("AIRLINE_ADMIN_USER", "admin");
  }

  /** The folder of domains given as --domaindir, where the domain and asadmin's files go. */
  Path domainsDir() {
    return settings.home().resolve("admin");
  }

  /** The domain's own folder. */
  Path dir() {
    return domainsDir().resolve(DOMAIN);
  }

  /** The admin's password for asadmin, as AS_ADMIN_PASSWORD= (mode 600, written at each use). */
  Path asadminPasswords() {
    return domainsDir().resolve("asadmin-passwords");
  }

  Path domainXml() {
    return dir().resolve("config").resolve("domain.xml");
  }

  /** The grid configuration last applied (set-hazelcast-configuration), kept with the domain. */
  Path appliedGrid() {
    return dir().resolve("config").resolve("airline-grid");
  }

  Path pidFile() {
    return dir().resolve("config").resolve("pid");
  }

  /** start-domain, restart-domain, stop-domain: asadmin's commands on the domain's own files. */
  List<String> lifecycle(String command) {
    return List.of(command, "--domaindir", domainsDir().toString(), DOMAIN);
  }

  Path passwordFile() {
    return settings.home().resolve("admin-console-password");
  }

  /**
   * The ports of the domain that some instance of the platform may use (every service's HTTP and
   * Hazelcast ports, up to {@link Service#MAX_INSTANCES} each), named; none when the portbase is
   * free of them.
   */
  List<String> clashes() {
    int portbase = portbase(settings);
    List<String> clashes = new ArrayList<>();
    for (Service service : platform.services) {
      for (int n = 1; n <= Service.MAX_INSTANCES; n++) {
        Instance instance = new Instance(service, n);
        for (int offset : PORT_OFFSETS) {
          int port = portbase + offset;
          if (port == instance.port(settings)) {
            clashes.add(port + " (" + instance.name() + "'s HTTP port)");
          }
          if (port == instance.hazelcastPort(settings)) {
            clashes.add(port + " (" + instance.name() + "'s Hazelcast port)");
          }
        }
      }
    }
    return clashes;
  }

  List<String> createDomain() {
    return List.of(
        "--user",
        user(),
        "--passwordfile",
        asadminPasswords().toString(),
        "create-domain",
        "--portbase",
        Integer.toString(portbase(settings)),
        "--domaindir",
        domainsDir().toString(),
        "--savelogin=false",
        DOMAIN);
  }

  /**
   * The grid as the instances form it: its name, the same member list, the same interfaces. The DAS
   * stays a data member: as a lite member it cannot start while no instance runs (Payara's start
   * writes to a map, which fails with NoDataMemberInClusterException, and the domain exits after
   * start-domain waited 10 minutes).
   */
  List<String> hazelcastConfiguration() {
    String interfaces = settings.get("AIRLINE_INTERFACES", "127.0.0.1");
    return List.of(
        "set-hazelcast-configuration",
        "--clustername",
        settings.cluster(),
        "--clustermode",
        "tcpip",
        "--tcpipmembers",
        platform.gridMembers(),
        "--interfaces",
        interfaces,
        "--dasbindaddress",
        interfaces,
        "--dynamic",
        "true");
  }

  /** asadmin's options for a command to the running DAS. */
  List<String> remote() {
    return List.of(
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(adminPort()),
        "--user",
        user(),
        "--passwordfile",
        asadminPasswords().toString());
  }

  /**
   * The java command that runs asadmin: its client jar on the JVM that runs this, non-interactive
   * (a new DAS's certificate is taken), its files (trusted certificates) under the domain folder
   * rather than in the user's home.
   */
  List<String> asadminCommand(Path install, List<String> args) {
    List<String> line =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + domainsDir(),
                "-jar",
                install.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                "--interactive=false"));
    line.addAll(args);
    return line;
  }

  /** Whether a domain.xml has secure admin on (also when a start failed right after it was set). */
  static boolean secureAdmin(String domainXml) {
    return SECURE_ADMIN.matcher(domainXml).find();
  }

  /** The instance names in list-hazelcast-cluster-members' table (its first column). */
  static List<String> members(List<String> table) {
    return table.stream()
        .skip(1)
        .map(line -> line.strip().split("\\s+")[0])
        .filter(name -> !name.isEmpty())
        .toList();
  }

  Path log() {
    return dir().resolve("logs").resolve("server.log");
  }

  Path install() {
    Path install = settings.root().resolve("server-config/target/payara6");
    if (!Files.exists(install.resolve("glassfish/lib/client/appserver-cli.jar"))) {
      throw new IllegalStateException(
          "Payara Server is not staged in " + install + ": run mvn package");
    }
    return install;
  }

  /** The admin's password, and whether it was made now (then it is printed, once). */
  record Password(String value, boolean generated, boolean fromFile) {}

  Password password() throws IOException {
    String given = settings.get("AIRLINE_ADMIN_PASSWORD", "");
    if (!given.isEmpty()) {
      return new Password(given, false, false);
    }
    Path file = passwordFile();
    if (Files.exists(file) && !Files.readString(file).isBlank()) {
      return new Password(Files.readString(file).strip(), false, true);
    }
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    writePrivate(file, generated + "\n");
    return new Password(generated, true, true);
  }

  /** Writes a file only its owner may read (mode 600), also when it exists. */
  static void writePrivate(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, content);
  }
}
