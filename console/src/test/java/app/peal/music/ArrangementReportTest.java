package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrangement table in docs/songs.md true. Run with {@code -Dpeal.updateDocs=true} to
 * rewrite it after changing the assigner or the bundled songs.
 */
class ArrangementReportTest {
  static final String START = "<!-- arrangement-table:start -->";
  static final String END = "<!-- arrangement-table:end -->";

  private static Path songsFolder() {
    return Path.of(System.getProperty("peal.songs", "../songs"));
  }

  private static List<Song> bundledById() throws IOException {
    List<Song> songs = new ArrayList<>();
    try (Stream<Path> files = Files.list(songsFolder())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        songs.add(SongParser.parse(SongLibrary.idOf(name), Files.readString(file)));
      }
    }
    songs.sort(Comparator.comparing(Song::id));
    return songs;
  }

  @Test
  void docs_arrangementTable_matchesTheAssigner() throws IOException {
    Path docs = songsFolder().resolve("../docs/songs.md");
    String text = Files.readString(docs, StandardCharsets.UTF_8);
    int start = text.indexOf(START);
    int end = text.indexOf(END);
    assertTrue(start >= 0 && end > start, "docs/songs.md lacks the table markers");

    String fresh = ArrangementReport.table(bundledById());

    if (Boolean.getBoolean("peal.updateDocs")) {
      text = text.substring(0, start + START.length()) + "\n" + fresh + text.substring(end);
      Files.writeString(docs, text, StandardCharsets.UTF_8);
      end = text.indexOf(END);
    }
    assertEquals(fresh, text.substring(start + START.length() + 1, end));
  }

  @Test
  void measure_twoRingersOneBellEach_countsNotesSwapsAndConsole() {
    Song song = BellAssignerTest.songOf("C4*3", "D4*2");

    ArrangementReport.Row row = ArrangementReport.measure(song, 2);

    assertEquals(new ArrangementReport.Row(2, 3, Double.POSITIVE_INFINITY, 0), row);
    assertEquals("2–3 · – · 0", row.cell());
  }

  @Test
  void shortestSwapMs_twoBells_isTheClosestChange() {
    Song song = BellAssignerTest.songOf("C4*2", "D4*1", "C4*1");

    double swap = ArrangementReport.shortestSwapMs(song,
        List.of(Pitch.parse("C4"), Pitch.parse("D4")));

    assertEquals(600, swap, 1e-9);
  }
}
