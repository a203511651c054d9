package app.peal.e2e;

import static app.peal.e2e.Pages.body;
import static app.peal.e2e.Pages.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.Options;
import app.peal.Party;
import app.peal.game.Phase;
import app.peal.game.Score;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a guest sees it over the plain {@code http://} link on a LAN address, where the
 * browser withholds motion: it says shaking is off before and after joining, and taps still
 * ring and are judged. The LAN name is mapped to 127.0.0.1 inside Chromium, so the origin is
 * not a secure one while every byte stays on loopback.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PlainHttpPageTest {
  private static final String LAN_NAME = "peal-console.test";
  private static final String SHAKING_OFF =
      "Shaking needs the secure (https) link — tap your bell to ring.";

  @TempDir
  Path dir;

  @Test
  void plainHttpPage_onALanName_saysShakingIsOffAndTapsStillRing() throws Exception {
    Options options = Options.parse("--headless", "--plain-http", "--bind", "127.0.0.1",
        "--port", "0", "--room", "CHAT", "--config-dir", dir.resolve("config").toString(),
        "--songs", Pages.twoBellsFolder(dir).toString(), "--song", "two-bells");

    try (Party party = Party.open(options);
        Browser browser = Browser.open(dir.resolve("chromium"),
            "--host-resolver-rules=MAP " + LAN_NAME + " 127.0.0.1")) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get("http://" + LAN_NAME + ":" + party.port() + "/?room=CHAT");
      wait.until(d -> "open".equals(body(d, "connection")));

      assertEquals(Boolean.FALSE, js(driver, "return window.isSecureContext"));
      assertEquals(SHAKING_OFF, notice(driver), "the join screen warns before anyone joins");

      driver.findElement(By.name("name")).sendKeys("Bo");
      driver.findElement(By.cssSelector("form[data-join] button")).click();
      wait.until(d -> "ready".equals(body(d, "screen")));
      driver.findElement(By.cssSelector("button[data-action=enable]")).click();
      wait.until(d -> "lobby".equals(body(d, "screen")));
      assertEquals(Boolean.FALSE, js(driver, "return window.peal.state.motion"));
      assertTrue(notice(driver).contains(SHAKING_OFF), "lobby notice: " + notice(driver));
      wait.until(d -> Ready.withSynced(party.room().snapshot(), 1));

      party.room().start();
      wait.until(d -> js(d, "return window.peal.state.notes.length") instanceof Long n && n > 0);
      js(driver, TAP_FIRST_TWO_NOTES);

      wait.withTimeout(Duration.ofSeconds(30))
          .until(d -> party.room().snapshot().phase() == Phase.RESULTS);
      Score bo = party.room().snapshot().results().players().get(0).score();
      assertEquals(2, bo.perfect() + bo.good(), bo.toString());
      assertEquals(3, bo.miss(), bo.toString());
      assertEquals(0, bo.stray(), bo.toString());
    }
  }

  /** Runs in the page: a pointerdown on each of the first two notes' bells at its instant. */
  private static final String TAP_FIRST_TWO_NOTES = """
      const state = window.peal.state;
      const clock = window.peal.clock;
      for (const note of state.notes.slice(0, 2)) {
        const at = clock.toLocal(state.song.at + note.ms);
        setTimeout(() => {
          document.querySelector(`[data-bell="${note.bell}"]`)
              .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
        }, at - performance.now());
      }
      """;

  private static String notice(WebDriver driver) {
    return driver.findElement(By.cssSelector("[data-notice]")).getText();
  }
}
