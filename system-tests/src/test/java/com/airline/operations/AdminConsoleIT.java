package com.airline.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Await;
import com.airline.it.Browser;
import com.airline.it.Http;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console as an admin uses it, in a real browser (Debian's headless chromium through
 * chromedriver): the run's own admin server ({@code ./airline admin start}), flights with two
 * instances in the run's grid; sign in, open Domain > Data Grid > Data Grid Instances through the
 * menu, find every running instance of the run by name and group, send {@code set-log-levels
 * com.airline.flights=FINE} to the flights group's instances from the page, and read the FINE lines
 * in both instances' logs, in Payara's log format with the request id. Screenshots go to
 * target/admin-console and docs/admin-console (README's).
 */
class AdminConsoleIT {

  private static final String MICRO_ROWS =
      "propertyForm:microInstancesTable:microInstancesRowGroup:";
  private static final String COMMAND_FIELD =
      "propertyForm:microInstancesTable:topActionsGroup1:asadminCommandField_field";
  private static final String SEND_BUTTON =
      "propertyForm:microInstancesTable:topActionsGroup1:button1";
  private static final Pattern URL = Pattern.compile("https://\\S+/");
  private static final Pattern PASSWORD = Pattern.compile("password (\\S+) \\(generated");
  private static final Path SHOTS = Path.of("target/admin-console");
  private static final Path DOCS =
      Path.of(System.getProperty("airline.root", ".."), "docs", "admin-console");

  private final Map<String, URI> flights = new LinkedHashMap<>();

  @Test
  void console_listsEveryInstanceByGroup_andSetLogLevelsFromItReachesTheFlightsGroup()
      throws Exception {
    Browser.required("AdminConsoleIT");
    Airline.start("flights");
    Airline.startReplica("flights", 2);
    flights.put("flights-1", Airline.url("flights"));
    flights.put(
        "flights-2", URI.create("http://127.0.0.1:" + (Airline.url("flights").getPort() + 100)));
    try {
      String started = Airline.admin("start");
      String console = match(URL, started, "the console URL");
      // generated and printed when the run's home had no admin server yet (a fresh clone)
      String kept = Files.readString(home().resolve("admin-console-password")).strip();
      Matcher printed = PASSWORD.matcher(started);
      assertTrue(
          printed.find() ? printed.group(1).equals(kept) : started.contains("password in "),
          started);
      assertTrue(started.contains("it sees the running instances:"), started);
      String again = Airline.admin("start");
      assertTrue(again.contains("already running"), again);
      Map<String, String> running = runningInstances();
      String status = Airline.admin("status");
      running.keySet().forEach(name -> assertTrue(status.contains(name), status));

      for (var instance : flights.entrySet()) {
        String id = search(instance.getValue());
        assertFalse(logged(instance.getKey(), id), "no FINE line before the level change");
      }

      WebDriver browser = Browser.start("AdminConsoleIT", 1100, true);
      try {
        signIn(browser, console, kept);
        Map<String, String> listed = dataGridInstances(browser, "2-data-grid-instances");
        running.forEach(
            (name, group) -> assertEquals(group, listed.get(name), name + " in " + listed));

        send(browser, "set-log-levels com.airline.flights=FINE", "3-send-to-the-flights-group");
        scrollTo(browser, By.xpath("//*[contains(text(), 'Command sent successfully')]"));
        shot(browser, "4-command-sent");
        for (var instance : flights.entrySet()) {
          Await.until(
              () -> logged(instance.getKey(), search(instance.getValue())),
              Duration.ofSeconds(30),
              instance.getKey() + " logs com.airline.flights at FINE, in Payara's format");
        }
        running.keySet().stream()
            .filter(name -> !running.get(name).equals("flights"))
            .forEach(name -> assertFalse(levelSet(name), name + " is not in the flights group"));

        // back as it was for the rest of the run, which also shows that a second change works
        send(browser, "set-log-levels com.airline.flights=INFO", null);
        for (var instance : flights.entrySet()) {
          Await.until(
              () -> {
                String id = search(instance.getValue());
                sleep(500);
                return !logged(instance.getKey(), id);
              },
              Duration.ofSeconds(30),
              instance.getKey() + " back at INFO");
        }
      } finally {
        browser.quit();
      }
      String stopped = Airline.admin("stop");
      assertTrue(stopped.contains("Stopping the admin server"), stopped);
    } finally {
      // the run's end stops the admin server if the test did not get that far
      Airline.stopReplica("flights", 2);
    }
  }

  /** The run's running instances and their groups, as ./airline status reports them. */
  private static Map<String, String> runningInstances() {
    Map<String, String> running = new LinkedHashMap<>();
    String status = Airline.status();
    for (String line : status.split("\n")) {
      String[] f = line.strip().split("\\s+");
      if (f.length >= 5 && f[3].matches("[0-9]+")) {
        running.put(f[0], f[1]);
      }
    }
    assertTrue(running.keySet().containsAll(List.of("flights-1", "flights-2")), status);
    return running;
  }

  /** The console answers "loading" (202) for its first seconds: the sign-in form comes after. */
  private static void signIn(WebDriver browser, String console, String password) throws Exception {
    browser.get(console);
    Await.until(
        () -> {
          if (!browser.findElements(By.id("Login.username")).isEmpty()) {
            return true;
          }
          sleep(2000);
          browser.get(console);
          return false;
        },
        Duration.ofMinutes(3),
        "the console's sign-in form at " + console);
    browser.findElement(By.id("Login.username")).sendKeys("admin");
    browser.findElement(By.id("Login.password")).sendKeys(password);
    shot(browser, "1-sign-in");
    browser.findElement(By.cssSelector("input[type=submit]")).click();
    wait(browser, Duration.ofMinutes(2))
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Data Grid")));
  }

  /**
   * Domain > Data Grid, then its Data Grid Instances tab (opened by its address, the page shows a
   * false "Cannot find specified Config Resource" banner): the Micro instances' table, name to
   * group.
   */
  private static Map<String, String> dataGridInstances(WebDriver browser, String shot)
      throws Exception {
    browser.findElement(By.linkText("Data Grid")).click();
    wait(browser, Duration.ofMinutes(1))
        .until(ExpectedConditions.elementToBeClickable(By.linkText("Data Grid Instances")))
        .click();
    wait(browser, Duration.ofMinutes(1))
        .until(ExpectedConditions.presenceOfElementLocated(By.id(COMMAND_FIELD)));
    Map<String, String> listed = new LinkedHashMap<>();
    for (WebElement row : rows(browser)) {
      String id = row.getAttribute("id");
      listed.put(
          browser.findElement(By.id(id + ":col1")).getText().strip(),
          browser.findElement(By.id(id + ":col2")).getText().strip());
    }
    if (shot != null) {
      shot(browser, shot);
    }
    return listed;
  }

  private static List<WebElement> rows(WebDriver browser) {
    return browser.findElements(By.cssSelector("tr[id^='" + MICRO_ROWS + "']")).stream()
        .filter(row -> row.getAttribute("id").matches(Pattern.quote(MICRO_ROWS) + "\\d+"))
        .toList();
  }

  /** Ticks the flights group's rows, types the command, sends it and confirms. */
  private static void send(WebDriver browser, String command, String shot) throws Exception {
    dataGridInstances(browser, null);
    for (WebElement row : rows(browser)) {
      String id = row.getAttribute("id");
      if (browser.findElement(By.id(id + ":col2")).getText().strip().equals("flights")) {
        browser.findElement(By.id(id + ":col0:select")).click();
      }
    }
    WebElement field = browser.findElement(By.id(COMMAND_FIELD));
    field.sendKeys(command);
    WebElement button = browser.findElement(By.id(SEND_BUTTON));
    wait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(button));
    if (shot != null) {
      shot(browser, shot);
    }
    button.click();
    wait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
    wait(browser, Duration.ofMinutes(1))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "Command sent successfully"));
  }

  /** A search that reads the database (a price no earlier search asked), with a request id. */
  private static String search(URI instance) {
    String id = "admin-console-" + UUID.randomUUID();
    String price = ThreadLocalRandom.current().nextInt(100_000, 999_999) + ".25";
    int status =
        Http.to(instance)
            .with("X-Request-ID", id)
            .get("/api/v1/flights?from=XQZ&maxPrice=" + price)
            .status();
    assertEquals(200, status);
    return id;
  }

  /**
   * Whether the instance logged the search's FINE line, in Payara's ODL format (a set-log-levels
   * that lost it turned the log into the JDK's two-line format) and tagged with the request id.
   */
  private static boolean logged(String instance, String requestId) {
    try (Stream<String> lines =
        Files.lines(Airline.logs().resolve(instance + ".log"), StandardCharsets.ISO_8859_1)) {
      return lines.anyMatch(
          line ->
              line.startsWith("[20")
                  && line.contains("[FINE]")
                  && line.contains("[com.airline.flights.schedule.control.SearchCache]")
                  && line.contains("[requestId=" + requestId + "] Search read from the database"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path home() {
    return Airline.logs().getParent();
  }

  /** Whether set-log-levels reached that instance (Micro writes it into its logging.properties). */
  private static boolean levelSet(String instance) {
    Path file =
        Airline.logs().getParent().resolve(instance).resolve("root/config/logging.properties");
    try {
      return Files.readString(file).contains("com.airline.flights.level=FINE");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static WebDriverWait wait(WebDriver browser, Duration timeout) {
    return new WebDriverWait(browser, timeout);
  }

  private static void scrollTo(WebDriver browser, By element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView(true);", browser.findElement(element));
  }

  private static void shot(WebDriver browser, String name) throws IOException {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    for (Path dir : List.of(SHOTS, DOCS)) {
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
    }
  }

  private static String match(Pattern pattern, String text, String what) {
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no " + what + " in:\n" + text);
    }
    return m.groupCount() > 0 ? m.group(1) : m.group();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Selenium warns that it has no DevTools binding for this chromium, which nothing here uses. */
  private static final java.util.logging.Logger DEVTOOLS = quiet("org.openqa.selenium.devtools");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }
}
