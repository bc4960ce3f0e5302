package com.airline.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

  @TempDir Path root;

  private Launcher launcher(Map<String, String> env) throws Exception {
    Path config = Files.createDirectories(root.resolve("server-config"));
    Files.writeString(
        config.resolve("datasource.asadmin"),
        "create-jdbc-connection-pool --property user=${ENV=DB_USER}:password=${ENV=DB_PASSWORD}:serverName=x pool\n");
    var all = new java.util.HashMap<>(env);
    all.put("AIRLINE_ROOT", root.toString());
    return new Launcher(new Platform(new Settings(all), PlatformTest.SERVICES), System.out);
  }

  @Test
  void postBootCommands_putAUserWithoutPasswordInTheUrl() throws Exception {
    Service auth = PlatformTest.SERVICES.get(0);
    String withoutPassword = launcher(Map.of()).postBootCommands(auth);
    assertTrue(
        withoutPassword.contains(
            "url=jdbc\\:mysql\\://${ENV=DB_HOST}\\:${ENV=DB_PORT}/${ENV=DB_NAME}?user\\=${ENV=DB_USER}:serverName"),
        withoutPassword);
    assertFalse(withoutPassword.contains("password="));
    assertTrue(
        launcher(Map.of("AUTH_DB_PASSWORD", "s3cret"))
            .postBootCommands(auth)
            .contains("password=${ENV=DB_PASSWORD}"));
    assertEquals("", launcher(Map.of()).postBootCommands(PlatformTest.SERVICES.get(3)));
  }

  @Test
  void command_joinsTheOneGridInTheServicesGroup() throws Exception {
    Launcher launcher =
        launcher(Map.of("AIRLINE_CLUSTER", "prod", "AIRLINE_INSTANCE_PREFIX", "b-"));
    Instance reminder = new Instance(PlatformTest.SERVICES.get(2), 2);
    List<String> line = launcher.command(reminder, root.resolve("boot"));
    String joined = String.join(" ", line);
    assertTrue(joined.startsWith("setsid java -Xmx512m"), joined);
    assertTrue(
        joined.contains(
            "--deploy "
                + root
                + "/rabbitmq-rar/target/rabbitmq-rar.rar --deploy "
                + root
                + "/.airline/deploy/reminder-war.war"),
        joined);
    assertTrue(joined.contains("--port 8184 "), joined);
    assertTrue(
        joined.contains(
            "/reminder-2/logging.properties --systemproperties "
                + root
                + "/server-config/system.properties "),
        joined);
    assertTrue(
        joined.contains("--name b-reminder-2 --instancegroup reminder --clustername prod "),
        joined);
    assertTrue(joined.contains("--startport 16941 --clustermode tcpip:127.0.0.1:16910,"), joined);
    assertEquals("b-reminder-2", launcher.environment(reminder).get("AIRLINE_INSTANCE"));
    assertEquals(
        "http://127.0.0.1:8184", launcher.environment(reminder).get("AIRLINE_INSTANCE_URL"));
  }

  @Test
  void command_takesTheServicesOwnJavaOptions_elseEveryInstances() throws Exception {
    Launcher launcher =
        launcher(Map.of("AIRLINE_JAVA_OPTS", "-Xmx1g", "AUTH_JAVA_OPTS", "-Xmx2g -XX:+UseZGC"));
    String auth =
        String.join(
            " ",
            launcher.command(new Instance(PlatformTest.SERVICES.get(0), 1), root.resolve("b")));
    String reminder =
        String.join(
            " ",
            launcher.command(new Instance(PlatformTest.SERVICES.get(2), 1), root.resolve("b")));
    assertTrue(auth.startsWith("setsid java -Xmx2g -XX:+UseZGC -D"), auth);
    assertTrue(reminder.startsWith("setsid java -Xmx1g -D"), reminder);
  }

  @Test
  void command_runsAirlineJava_elseTheJavaOnThePath() throws Exception {
    Instance auth = new Instance(PlatformTest.SERVICES.get(0), 1);
    List<String> chosen =
        launcher(Map.of("AIRLINE_JAVA", "/opt/jdk/bin/java")).command(auth, root.resolve("b"));
    assertEquals(List.of("setsid", "/opt/jdk/bin/java"), chosen.subList(0, 2));
    assertEquals("java", launcher(Map.of()).command(auth, root.resolve("b")).get(1));
  }

  @Test
  void loggingProperties_json_swapsTheConsoleFormatterOnly() throws Exception {
    Files.createDirectories(root.resolve("server-config"));
    Files.writeString(
        root.resolve("server-config/logging.properties"),
        "handlers=java.util.logging.ConsoleHandler\n"
            + "java.util.logging.ConsoleHandler.formatter=com.sun.enterprise.server.logging.ODLLogFormatter\n"
            + ".level=INFO\n");
    String text = launcher(Map.of()).loggingProperties();
    assertTrue(text.contains("ODLLogFormatter"), text);
    String json = launcher(Map.of("AIRLINE_LOG_FORMAT", "json")).loggingProperties();
    assertEquals(
        "handlers=java.util.logging.ConsoleHandler\n"
            + "java.util.logging.ConsoleHandler.formatter=fish.payara.enterprise.server.logging.JSONLogFormatter\n"
            + ".level=INFO\n",
        json);
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> launcher(Map.of("AIRLINE_LOG_FORMAT", "xml")).loggingProperties())
            .getMessage()
            .contains("text or json"));
  }

  @Test
  void pidIn_readsAnEmptyCommandLineAgain_asItIsWhileTheProcessExecs() throws Exception {
    Path pidFile = root.resolve("flights-1.pid");
    Launcher.writePid(pidFile, 4242);
    Path cmdline = Files.createDirectories(root.resolve("proc/4242")).resolve("cmdline");
    Files.writeString(cmdline, "");
    Thread exec =
        new Thread(
            () -> {
              try {
                Thread.sleep(50);
                Files.writeString(cmdline, "java\0-jar\0/r/payara-micro.jar\0");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    exec.start();
    assertEquals(
        java.util.Optional.of(4242L),
        Launcher.pidIn(pidFile, "payara-micro", root.resolve("proc")));
    exec.join();
  }

  @Test
  void pidIn_isEmpty_forAnotherProcess_aZombie_orNoProcess() throws Exception {
    Path pidFile = root.resolve("flights-1.pid");
    Path proc = root.resolve("proc");
    Launcher.writePid(pidFile, 7);
    Files.writeString(Files.createDirectories(proc.resolve("7")).resolve("cmdline"), "bash\0");
    assertEquals(java.util.Optional.empty(), Launcher.pidIn(pidFile, "payara-micro", proc));
    Files.writeString(proc.resolve("7/cmdline"), "");
    assertEquals(java.util.Optional.empty(), Launcher.pidIn(pidFile, "payara-micro", proc));
    Launcher.writePid(pidFile, 8);
    assertEquals(java.util.Optional.empty(), Launcher.pidIn(pidFile, "payara-micro", proc));
    assertEquals("8\n", Files.readString(pidFile));
    try (var files = Files.list(root)) {
      assertEquals(List.of(pidFile, proc), files.sorted().toList(), "nothing else written");
    }
  }
}
