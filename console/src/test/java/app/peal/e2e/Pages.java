package app.peal.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** What the browser tests of the phone page share: their song and their way into the page. */
final class Pages {
  /** Two bells, so one guest holds both; four notes half a second apart, then a long one. */
  static final String TWO_BELLS = """
      {"title": "Two Bells", "tempo": 120, "time": "4/4",
       "melody": ["C5/1 E5 C5 E5 | C5/4 |"]}
      """;

  private Pages() {}

  /** A songs folder holding only {@link #TWO_BELLS}, as {@code two-bells}. */
  static Path twoBellsFolder(Path dir) throws IOException {
    Path songs = Files.createDirectories(dir.resolve("songs"));
    Files.writeString(songs.resolve("two-bells.json"), TWO_BELLS);
    return songs;
  }

  static Object js(WebDriver driver, String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** One of the {@code data-*} values the page keeps on its body, such as its screen. */
  static String body(WebDriver driver, String key) {
    return (String) js(driver, "return document.body.dataset." + key);
  }
}
