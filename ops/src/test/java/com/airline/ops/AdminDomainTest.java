package com.airline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminDomainTest {

  @TempDir Path home;

  private AdminDomain admin(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("AIRLINE_HOME", home.toString());
    all.put("AIRLINE_ROOT", "/opt/airline");
    return new AdminDomain(PlatformTest.platform(all));
  }

  @Test
  void ports_followThePortbase() {
    AdminDomain admin = admin(Map.of());
    assertEquals(4848, admin.adminPort());
    assertEquals(4849, AdminDomain.hazelcastPort(new Settings(Map.of())));
    assertEquals("https://127.0.0.1:4848/", admin.consoleUrl());
    AdminDomain moved = admin(Map.of("AIRLINE_ADMIN_PORTBASE", "19000"));
    assertEquals(19048, moved.adminPort());
    assertEquals(
        "https://10.0.0.1:4848/", admin(Map.of("AIRLINE_PUBLIC_HOST", "10.0.0.1")).consoleUrl());
  }

  @Test
  void portbase_whenWrong_saysWhat() {
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> admin(Map.of("AIRLINE_ADMIN_PORTBASE", "48x")).adminPort())
            .getMessage()
            .contains("'48x' is no number"));
    assertThrows(
        IllegalArgumentException.class,
        () -> admin(Map.of("AIRLINE_ADMIN_PORTBASE", "65500")).adminPort());
    assertThrows(
        IllegalArgumentException.class,
        () -> admin(Map.of("AIRLINE_ADMIN_PORTBASE", "80")).adminPort());
  }

  @Test
  void clashes_noneByDefault_butEveryInstancePortThePortbaseWouldTake() {
    assertEquals(List.of(), admin(Map.of()).clashes());
    // 8000 + 80/81/86: gateway-1's and auth-1's HTTP ports (the test platform has no 8086)
    assertEquals(
        List.of("8081 (auth-1's HTTP port)", "8080 (gateway-1's HTTP port)"),
        admin(Map.of("AIRLINE_ADMIN_PORTBASE", "8000")).clashes());
    // 16871 + 39 (IIOP) and + 49 (the DAS's own Hazelcast member)
    assertEquals(
        List.of("16910 (auth-1's Hazelcast port)", "16920 (flights-1's Hazelcast port)"),
        admin(Map.of("AIRLINE_ADMIN_PORTBASE", "16871")).clashes());
    // replicas' ports too: 8204 + 80 is reminder-3's, + 76 gateway-3's
    assertEquals(
        List.of("8284 (reminder-3's HTTP port)", "8280 (gateway-3's HTTP port)"),
        admin(Map.of("AIRLINE_ADMIN_PORTBASE", "8204")).clashes());
    // and as configured
    assertEquals(
        List.of("4880 (gateway-1's HTTP port)"), admin(Map.of("GATEWAY_PORT", "4880")).clashes());
  }

  @Test
  void commands_createTheDomainOnce_andPutItInTheInstancesGrid() {
    AdminDomain admin = admin(Map.of("AIRLINE_CLUSTER", "prod", "AIRLINE_ADMIN_USER", "ops"));
    Path passwords = home.resolve("admin/asadmin-passwords");
    assertEquals(passwords, admin.asadminPasswords());
    assertEquals(
        List.of("stop-domain", "--domaindir", home.resolve("admin").toString(), "airline"),
        admin.lifecycle("stop-domain"));
    assertEquals(
        List.of(
            "--user",
            "ops",
            "--passwordfile",
            passwords.toString(),
            "create-domain",
            "--portbase",
            "4800",
            "--domaindir",
            home.resolve("admin").toString(),
            "--savelogin=false",
            "airline"),
        admin.createDomain());
    List<String> grid = admin.hazelcastConfiguration();
    assertEquals(
        "set-hazelcast-configuration --clustername prod --clustermode tcpip --tcpipmembers "
            + PlatformTest.platform(Map.of()).gridMembers()
            + " --interfaces 127.0.0.1 --dasbindaddress 127.0.0.1 --dynamic true",
        String.join(" ", grid));
    assertTrue(grid.get(6).endsWith(",127.0.0.1:4849"), grid.get(6));
    assertEquals(
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            "4848",
            "--user",
            "ops",
            "--passwordfile",
            passwords.toString()),
        admin.remote());
    List<String> line = admin.asadminCommand(Path.of("/opt/payara6"), List.of("version"));
    assertEquals(
        List.of(
            "-Duser.home=" + home.resolve("admin"),
            "-jar",
            "/opt/payara6/glassfish/lib/client/appserver-cli.jar",
            "--interactive=false",
            "version"),
        line.subList(1, line.size()));
  }

  @Test
  void password_isGeneratedOnce_intoAFileOnlyItsOwnerReads_unlessGiven() throws Exception {
    AdminDomain admin = admin(Map.of());
    AdminDomain.Password first = admin.password();
    assertTrue(first.generated());
    assertTrue(first.value().matches("[A-Za-z0-9_-]{24}"), first.value());
    Path file = home.resolve("admin-console-password");
    assertEquals(first.value() + "\n", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

    AdminDomain.Password again = admin.password();
    assertEquals(first.value(), again.value());
    assertFalse(again.generated());
    assertTrue(again.fromFile());

    AdminDomain.Password given = admin(Map.of("AIRLINE_ADMIN_PASSWORD", "s3cret")).password();
    assertEquals(new AdminDomain.Password("s3cret", false, false), given);
  }

  @Test
  void members_areTheFirstColumnOfTheGridTable() {
    assertEquals(
        List.of("flights-1", "server", "b-flights-2"),
        AdminDomain.members(
            List.of(
                "Instance Name  Instance Group  Instance Type  Host Name   HTTP Ports",
                "flights-1      flights         MICRO          /127.0.0.1  8082",
                "server         MicroShoal      DAS            /127.0.0.1  4880",
                "b-flights-2    flights         MICRO          /10.0.0.2   8182")));
  }

  @Test
  void secureAdmin_isReadFromTheDomain() {
    assertTrue(
        AdminDomain.secureAdmin(
            "<secure-admin special-admin-indicator=\"98d7\" enabled=\"true\">\n"
                + "<secure-admin-principal dn=\"CN=vm\">"));
    assertFalse(
        AdminDomain.secureAdmin(
            "<secure-admin special-admin-indicator=\"8cdb\">\n"
                + "<secure-admin-principal dn=\"CN=vm\" enabled=\"true\">"));
  }
}
