package app.peal.e2e;

import static app.peal.e2e.Pages.body;
import static app.peal.e2e.Pages.js;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.Options;
import app.peal.Party;
import app.peal.game.Phase;
import app.peal.game.Results;
import app.peal.game.Score;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real phone page in headless Chromium against a real console over HTTPS on loopback: join,
 * enable motion, ring one note by a shake and one by a tap, leave one unrung, and see the
 * console judge each by when it happened.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PhonePageTest {
  @TempDir
  Path dir;

  @Test
  void phonePage_shakeAndTapAgainstHeadlessConsole_judgedByTheConsole() throws Exception {
    Path songs = Pages.twoBellsFolder(dir);
    Options options = Options.parse("--headless", "--bind", "127.0.0.1", "--port", "0",
        "--room", "CHAT", "--config-dir", dir.resolve("config").toString(),
        "--songs", songs.toString(), "--song", "two-bells");

    try (Party party = Party.open(options);
        Browser browser = Browser.open(dir.resolve("chromium"))) {
      ChromeDriver driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get("https://127.0.0.1:" + party.port() + "/?room=CHAT");
      wait.until(d -> "open".equals(body(d, "connection")));
      assertEquals("CHAT", driver.findElement(By.name("room")).getAttribute("value"));

      driver.findElement(By.name("name")).sendKeys("Ada");
      driver.findElement(By.cssSelector("form[data-join] button")).click();
      wait.until(d -> "ready".equals(body(d, "screen")));
      driver.findElement(By.cssSelector("button[data-action=enable]")).click();
      wait.until(d -> "lobby".equals(body(d, "screen")));
      assertEquals(Boolean.TRUE, js(driver, "return window.peal.state.motion"),
          "motion is available on the https page");
      wait.until(d -> Ready.withSynced(party.room().snapshot(), 1));

      party.room().start();
      wait.until(d -> js(d, "return window.peal.state.notes.length") instanceof Long n && n > 0);
      List<?> bells = (List<?>) js(driver,
          "return window.peal.state.notes.map(n => n.bell)");
      assertEquals(List.of("C5", "E5", "C5", "E5", "C5"), bells);
      // Note 0 by a shake that peaks at its instant, note 1 by a tap; the rest stay unrung.
      js(driver, SCHEDULE_SHAKE_AND_TAP);

      wait.withTimeout(Duration.ofSeconds(30))
          .until(d -> party.room().snapshot().phase() == Phase.RESULTS);
      Results results = party.room().snapshot().results();
      Score ada = results.players().get(0).score();
      assertEquals("Ada", results.players().get(0).name());
      assertEquals(5, ada.notes());
      assertEquals(2, ada.perfect() + ada.good(), ada.toString());
      assertEquals(3, ada.miss(), ada.toString());
      assertEquals(0, ada.stray(), ada.toString());

      wait.until(d -> "results".equals(body(d, "screen")));
      @SuppressWarnings("unchecked")
      Map<String, Object> rings = (Map<String, Object>) js(driver,
          "return window.pealTest.rings");
      assertEquals(List.of("shake", "tap"), rings.get("sources"));
      List<?> offsets = (List<?>) js(driver,
          "return Object.values(window.peal.state.judged).filter(j => j.offset !== null)"
              + ".map(j => j.offset)");
      assertEquals(2, offsets.size(), "verdicts the page was told: " + offsets);
      for (Object offset : offsets) {
        double ms = ((Number) offset).doubleValue();
        assertTrue(Math.abs(ms) < 60, "a ring made on the beat was judged " + ms + " ms off");
      }
    }
  }

  /**
   * Runs in the page: at note 0's local instant, a burst of motion events peaking then; at note
   * 1's, a pointerdown on the E5 bell. Records what the page reported ringing.
   */
  private static final String SCHEDULE_SHAKE_AND_TAP = """
      const state = window.peal.state;
      const clock = window.peal.clock;
      const rings = { sources: [] };
      window.pealTest = { rings };
      window.addEventListener('peal:ring', (e) => rings.sources.push(e.detail.source));
      const localOf = (note) => clock.toLocal(state.song.at + note.ms);
      const motion = (x) => new DeviceMotionEvent('devicemotion', {
        acceleration: { x, y: 0, z: 0 },
        accelerationIncludingGravity: { x, y: 9.81, z: 0 },
        rotationRate: { alpha: 0, beta: 0, gamma: 0 },
        interval: 16,
      });
      const swing = [0, 2, 6, 14, 22, 9, 3, 0, 0, 0, 0];
      const peakIndex = 4;
      const shakeAt = localOf(state.notes[0]) - peakIndex * 16;
      swing.forEach((x, i) => {
        setTimeout(() => window.dispatchEvent(motion(x)), shakeAt + i * 16 - performance.now());
      });
      const tapAt = localOf(state.notes[1]);
      setTimeout(() => {
        document.querySelector('[data-bell="E5"]')
            .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      }, tapAt - performance.now());
      """;
}
