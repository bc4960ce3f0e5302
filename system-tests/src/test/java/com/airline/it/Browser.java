package com.airline.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium, headless, driven through its chromedriver: the tests of pages. */
public final class Browser {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private Browser() {}

  /** Fails the test, saying how to get them, when the browser or its driver is missing. */
  public static void required(String test) {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      fail(
          test
              + " needs a headless browser: install Debian's chromium and chromium-driver"
              + " (apt-get install -y chromium chromium-driver)");
    }
  }

  /**
   * A browser 1400 pixels wide and that high, its driver's log in target/chromedriver-TEST.log; it
   * takes a self-signed certificate when told (the admin console's).
   */
  public static WebDriver start(String test, int height, boolean selfSigned) {
    required(test);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.setAcceptInsecureCerts(selfSigned);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1400," + height);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withLogFile(new File("target/chromedriver-" + test + ".log"))
            .build();
    return new ChromeDriver(service, options);
  }
}
