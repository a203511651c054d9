package app.peal.e2e;

import app.peal.Options;
import app.peal.Party;
import app.peal.game.Phase;
import app.peal.net.TestTls;
import app.peal.ui.ConsoleApp;
import app.peal.ui.ConsoleSetup;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Stages an evening for the screenshots in docs/img: the real console window (run it under Xvfb),
 * six scripted guests and one real phone page in headless Chromium, all on loopback. The join
 * link advertises a made-up LAN address that nothing is sent to.
 *
 * <p>{@code DISPLAY=:99 java -cp <test classpath> app.peal.e2e.DemoEvening docs/img}
 */
public final class DemoEvening {
  private static final List<String> GUESTS =
      List.of("Aunt Maggie", "Jonah", "Priya", "Sam the Elder", "Léa", "Grandpa Tom");

  private DemoEvening() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
    Files.createDirectories(out);
    Path scratch = Files.createTempDirectory("peal-demo-");
    Party party = Party.open(Options.parse("--bind", "127.0.0.1", "--port", "0",
        "--host", "192.168.1.23", "--room", "HYMN", "--config-dir",
        scratch.resolve("config").toString(), "--song", "jingle-bells"));
    Thread window = new Thread(() -> ConsoleApp.launch(
        new ConsoleSetup(party.room(), party.links(), () -> null, party::close)), "demo-window");
    window.start();

    URI uri = URI.create("wss://127.0.0.1:" + party.port() + "/ws");
    List<TestPhone> guests = new ArrayList<>();
    Random random = new Random(7);
    for (String name : GUESTS) {
      TestPhone phone = new TestPhone(uri, TestTls.trustAllContext(), random.nextInt(10_000));
      phone.open();
      phone.join("HYMN", name, null);
      phone.sync(16);
      guests.add(phone);
    }

    try (Browser browser = Browser.open(scratch.resolve("chromium"))) {
      ChromeDriver phone = browser.driver();
      WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
      phone.get("https://127.0.0.1:" + party.port() + "/?room=HYMN");
      wait.until(d -> "open".equals(
          phone.executeScript("return document.body.dataset.connection")));
      shoot(phone, out.resolve("phone-join.png"));
      phone.findElement(By.name("name")).sendKeys("Ada");
      phone.findElement(By.cssSelector("form[data-join] button")).click();
      wait.until(d -> "ready".equals(phone.executeScript("return document.body.dataset.screen")));
      phone.findElement(By.cssSelector("button[data-action=enable]")).click();
      waitFor(() -> party.room().snapshot().canStart(), 20);
      Thread.sleep(1500);
      shoot(phone, out.resolve("phone-lobby.png"));
      screen(out.resolve("console-lobby.png"));

      party.room().start();
      ExecutorService players = Executors.newFixedThreadPool(guests.size());
      for (int i = 0; i < guests.size(); i++) {
        TestPhone guest = guests.get(i);
        long seed = i;
        players.submit(() -> play(guest, new Random(seed)));
      }
      phone.executeScript(TAP_ALONG);
      // A moment when the page's guest has rung already and has notes coming.
      waitFor(() -> Boolean.TRUE.equals(phone.executeScript(BUSY_MOMENT)), 90);
      screen(out.resolve("console-highway.png"));
      shoot(phone, out.resolve("phone-playing.png"));

      waitFor(() -> party.room().snapshot().phase() == Phase.RESULTS, 120);
      Thread.sleep(1500);
      screen(out.resolve("console-results.png"));
      shoot(phone, out.resolve("phone-results.png"));
      players.shutdownNow();
    } finally {
      guests.forEach(TestPhone::close);
      party.close();
      javafx.application.Platform.exit();
    }
  }

  /** The page's guest taps each of her notes a little off the beat, as people do. */
  private static final String TAP_ALONG = """
      const state = window.peal.state;
      const clock = window.peal.clock;
      state.notes.forEach((note, i) => {
        const at = clock.toLocal(state.song.at + note.ms) + (i % 3 - 1) * 25;
        setTimeout(() => document.querySelector(`[data-bell="${note.bell}"]`)
            ?.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })),
            at - performance.now());
      });
      """;

  private static final String BUSY_MOMENT = """
      const state = window.peal.state;
      if (!state.song || Object.keys(state.judged).length < 2) return false;
      const now = window.peal.clock.consoleNow() - state.song.at;
      return state.notes.filter((n) => n.ms > now + 300 && n.ms < now + 2500).length >= 2;
      """;

  private static Void play(TestPhone guest, Random random) throws Exception {
    JsonObject start = guest.await("start");
    double startAt = start.get("at").getAsDouble();
    for (JsonElement e : start.getAsJsonArray("notes")) {
      JsonObject note = e.getAsJsonObject();
      if (random.nextDouble() < 0.08) {
        continue;
      }
      double due = guest.toLocal(startAt + note.get("ms").getAsDouble()
          + random.nextGaussian() * 45);
      while (guest.localNow() < due) {
        Thread.sleep(1);
      }
      guest.ring(guest.toConsole(guest.localNow()), note.get("bell").getAsString());
    }
    return null;
  }

  private static void shoot(ChromeDriver phone, Path file) throws IOException {
    Files.write(file, phone.getScreenshotAs(OutputType.BYTES));
  }

  private static void screen(Path file) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("import", "-window", "root", file.toString())
        .inheritIO().start();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("import could not grab the screen into " + file);
    }
  }

  private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the demo did not get there within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
