package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SongLibraryTest {
  private static final List<String> BUNDLED_TITLES = List.of("Auld Lang Syne", "Deck the Halls",
      "Frère Jacques", "Good King Wenceslas", "Hark! The Herald Angels Sing", "Jingle Bells",
      "Joy to the World", "O Christmas Tree", "O Come, All Ye Faithful", "Ode to Joy",
      "Silent Night", "Twinkle, Twinkle, Little Star", "We Wish You a Merry Christmas");

  @TempDir
  Path folder;

  private static List<String> titles(SongLibrary library) {
    return library.songs().stream().map(Song::title).toList();
  }

  private void write(String name, String title, String melody) throws IOException {
    Files.writeString(folder.resolve(name), "{\"title\": \"" + title
        + "\", \"tempo\": 100, \"time\": \"4/4\", \"melody\": \"" + melody + "\"}");
  }

  @Test
  void load_null_givesBundledSongsSortedByTitle() {
    SongLibrary library = SongLibrary.load(null);

    assertEquals(BUNDLED_TITLES, titles(library));
    assertEquals(Map.of(), library.problems());
  }

  @Test
  void load_repositoryFolder_matchesBundledSongs() {
    Path songs = Path.of(System.getProperty("peal.songs", "../songs"));

    SongLibrary library = SongLibrary.load(songs);

    assertEquals(BUNDLED_TITLES, titles(library));
    assertEquals(SongLibrary.bundled().songs(), library.songs());
  }

  @Test
  void load_folder_readsJsonFilesOnlySortedByTitle() throws IOException {
    write("b.json", "zebra Song", "C4/4");
    write("a.json", "Apple Song", "D4/4");
    Files.writeString(folder.resolve("notes.txt"), "not a song");

    SongLibrary library = SongLibrary.load(folder);

    assertEquals(List.of("Apple Song", "zebra Song"), titles(library));
    assertEquals("a", library.songs().get(0).id());
  }

  @Test
  void load_folderWithMidiFiles_readsTheirTunes() throws Exception {
    write("carol.json", "Carol", "C4/4");
    MidiFiles.write(MidiImportTest.sample(), 1, folder.resolve("waltz.mid"));
    MidiFiles.write(MidiImportTest.sample(), 1, folder.resolve("carol.mid"));
    Files.writeString(folder.resolve("broken.mid"), "not midi");

    SongLibrary library = SongLibrary.load(folder);

    assertEquals(List.of("Carol", "Sample"), titles(library));
    assertEquals("waltz", library.songs().get(1).id());
    assertEquals(List.of("broken.mid", "carol.mid"), List.copyOf(library.problems().keySet()));
    assertEquals("a song with id 'carol' is already in the folder; rename one of them",
        library.problems().get("carol.mid"));
  }

  @Test
  void load_brokenFile_isSkippedAndReported() throws IOException {
    write("good.json", "Good", "C4/4");
    write("bad.json", "Bad", "C4/4 | H4/4");

    SongLibrary library = SongLibrary.load(folder);

    assertEquals(List.of("Good"), titles(library));
    assertEquals(Map.of("bad.json", "song 'bad' bar 2 note 1: unknown pitch 'H4';"
        + " write a note name such as C4, F#5 or Bb3, or r for a rest"), library.problems());
  }

  @Test
  void load_folderWithNoReadableSong_fallsBackToBundledAndKeepsProblems() throws IOException {
    Files.writeString(folder.resolve("broken.json"), "{ not json");

    SongLibrary library = SongLibrary.load(folder);

    assertEquals(BUNDLED_TITLES, titles(library));
    assertEquals(List.of("broken.json"), List.copyOf(library.problems().keySet()));
  }

  @Test
  void load_missingFolder_fallsBackToBundledAndSaysSo() {
    Path missing = folder.resolve("nowhere");

    SongLibrary library = SongLibrary.load(missing);

    assertEquals(BUNDLED_TITLES, titles(library));
    assertEquals(Map.of(missing.toString(), "song folder not found; check the --songs path"),
        library.problems());
  }

  @Test
  void find_idOrTitleInAnyCase_findsSong() {
    SongLibrary library = SongLibrary.bundled();

    Optional<Song> byId = library.find("SILENT-NIGHT");
    Optional<Song> byTitle = library.find("  jingle bells ");

    assertEquals("silent-night", byId.orElseThrow().id());
    assertEquals("jingle-bells", byTitle.orElseThrow().id());
  }

  @Test
  void find_unknownName_isEmpty() {
    SongLibrary library = SongLibrary.bundled();

    assertTrue(library.find("Greensleeves").isEmpty());
    assertTrue(library.find(null).isEmpty());
  }
}
