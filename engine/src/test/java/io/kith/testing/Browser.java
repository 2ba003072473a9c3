package io.kith.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so Selenium
 * Manager never runs (it would try to download a driver or a browser). Each browser has a fresh
 * profile folder, deleted on close, and saves numbered screenshots of the steps a test takes.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path profile;
  private final Path screenshots;
  private int shot;

  private Browser(ChromeDriver driver, String baseUrl, Path profile, Path screenshots) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Whether this machine has both programs (.ci/run installs them with apt-get). */
  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** A new headless browser for Kith at {@code baseUrl}; screenshots go to {@code screenshots}. */
  public static Browser open(String baseUrl, Path screenshots) {
    if (!installed()) {
      throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
          + "(apt-get install chromium chromium-driver); .ci/run installs them.");
    }
    try {
      Path profile = Files.createTempDirectory("kith-chromium-");
      Files.createDirectories(screenshots);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-TW",
          "--user-data-dir=" + profile.toAbsolutePath());
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort()
          .withLogFile(new File(screenshots.toFile(), "chromedriver.log"))
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, baseUrl, profile, screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens a path of Kith's. */
  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String path() {
    String url = driver.getCurrentUrl();
    return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
  }

  public WebElement find(String css) {
    return waitFor(css);
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits (up to 10 s) until an element matching {@code css} is visible. */
  public WebElement waitFor(String css) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Waits until the element's text contains {@code text}. */
  public WebElement waitForText(String css, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return driver.findElement(By.cssSelector(css));
  }

  /**
   * Up to 10 s, asking again when the element was replaced while being read: a page that swaps
   * parts of itself (htmx, server-sent progress) can do so between finding an element and reading
   * it, which Chrome reports as "Node with given id does not belong to the document" rather than
   * as a stale element.
   */
  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** Replaces the text of an input. */
  public Browser type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
    return this;
  }

  public Browser click(String css) {
    find(css).click();
    return this;
  }

  /** Picks the option with this visible text in a select. */
  public Browser select(String css, String optionText) {
    new org.openqa.selenium.support.ui.Select(find(css)).selectByVisibleText(optionText);
    return this;
  }

  /**
   * Types {@code text} into a reference widget's search box (its id is {@code css}) and picks the
   * suggestion reading {@code label}, the way a person does with the autocomplete.
   */
  public Browser pick(String css, String text, String label) {
    WebElement search = find(css);
    search.clear();
    search.sendKeys(text);
    WebElement box = search.findElement(By.xpath("ancestor::div[contains(@class, 'reference')][1]"));
    WebElement option = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> box
        .findElements(By.cssSelector(".reference-results li")).stream()
        .filter(li -> li.isDisplayed() && li.getText().equals(label)).findFirst().orElse(null));
    option.click();
    return this;
  }

  /** Sets an input's value the way a date or date-time picker would, with the change event. */
  public Browser setValue(String css, String value) {
    WebElement input = find(css);
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        input, value);
    return this;
  }

  /** The visible text of the element matching {@code css}. */
  public String text(String css) {
    return find(css).getText();
  }

  /** Saves the whole page (the window stretched to its height for the shot) as {@code NN-name.png}. */
  public Path screenshot(String name) {
    shot++;
    Path file = screenshots.resolve(String.format("%02d-%s.png", shot, name));
    Dimension window = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
    try {
      driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(Math.max(height.intValue() + 100,
          window.getHeight()), 8000)));
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(window);
    }
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a profile left in the temp folder is harmless
    }
  }
}
