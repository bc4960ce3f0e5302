package com.airline.openapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.airline.it.Airline;
import com.airline.it.Browser;
import com.airline.it.Http;
import com.airline.it.TestUsers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API page ({@code /api/v1/docs}) as a person uses it, in Debian's headless chromium: it shows
 * the whole document, takes a token through "Authorize" and sends a request with it. The screenshot
 * goes to docs/api-docs.png (README's).
 */
class ApiPageIT {

  private static final Path SCREENSHOT =
      Path.of(System.getProperty("airline.root", ".."), "docs", "api-docs.png");

  @Test
  void page_showsTheApi_andSendsARequestWithAToken() throws Exception {
    Browser.required("ApiPageIT");
    Airline.start("auth", "flights", "booking", "reminder");
    Http gateway = Http.to(Airline.start("gateway"));
    TestUsers.TestUser user = TestUsers.signUp(gateway);
    WebDriver browser = Browser.start("ApiPageIT", 1600, false);
    try {
      browser.get(Airline.url("gateway") + "/api/v1/docs");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 30));
      assertTrue(browser.getPageSource().contains("Airline API"), "the document's title");

      browser.findElement(By.cssSelector("button.authorize")).click();
      WebElement field =
          wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".auth-container input")));
      field.sendKeys(user.token());
      browser.findElement(By.cssSelector(".auth-btn-wrapper button.authorize")).click();
      browser.findElement(By.cssSelector(".auth-btn-wrapper button.btn-done")).click();

      WebElement me = browser.findElement(By.id("operations-auth-authMe"));
      me.findElement(By.cssSelector(".opblock-summary")).click();
      WebElement execute =
          wait.until(
              ExpectedConditions.elementToBeClickable(
                  me.findElement(By.cssSelector("button.execute"))));
      execute.click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(
                  "#operations-auth-authMe .live-responses-table tbody .response-col_status"),
              "200"));
      assertTrue(
          me.findElement(By.cssSelector(".live-responses-table")).getText().contains(user.email()),
          "the response shows the signed-in user");
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.createDirectories(SCREENSHOT.getParent());
      Files.copy(shot.toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    } catch (RuntimeException | AssertionError e) {
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          Path.of("target/api-docs-failed.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw e;
    } finally {
      browser.quit();
    }
  }
}
