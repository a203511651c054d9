package app.peal.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium at a phone's size, driven by its chromedriver, with a profile of its
 * own. It accepts the console's self-signed certificate, as a guest does once by hand.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = System.getProperty("peal.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("peal.chromedriver", "/usr/bin/chromedriver");

  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** A browser with Peal's usual switches, plus any given (such as host resolver rules). */
  static Browser open(Path profile, String... extraArguments) throws IOException {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
      throw new IllegalStateException("Chromium or chromedriver missing at " + CHROMIUM + ", "
          + DRIVER + "; install them with: apt-get install -y chromium chromium-driver");
    }
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--mute-audio", "--ignore-certificate-errors",
        "--autoplay-policy=no-user-gesture-required", "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    // A phone's viewport and touch, the size most guests' screens are.
    options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
        Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(DRIVER).toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return new Browser(driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
