package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The songs shipped in songs/: they parse, sit in handbell range and keep their metre. */
class BundledSongsTest {
  private static final Pitch LOWEST = Ringing.LOWEST;
  private static final Pitch HIGHEST = Ringing.HIGHEST;
  private static final List<String> REQUIRED = List.of("auld-lang-syne", "deck-the-halls",
      "good-king-wenceslas", "hark-the-herald-angels-sing", "jingle-bells", "joy-to-the-world",
      "o-christmas-tree", "o-come-all-ye-faithful", "ode-to-joy", "silent-night",
      "twinkle-twinkle-little-star", "we-wish-you-a-merry-christmas");

  private static Path songsFolder() {
    return Path.of(System.getProperty("peal.songs", "../songs"));
  }

  private static List<Song> folderSongs() throws IOException {
    List<Song> songs = new ArrayList<>();
    try (Stream<Path> files = Files.list(songsFolder())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString();
        songs.add(SongParser.parse(SongLibrary.idOf(name), Files.readString(file)));
      }
    }
    return songs;
  }

  private static Song song(String id) throws IOException {
    return SongParser.parse(id, Files.readString(songsFolder().resolve(id + ".json")));
  }

  /** The pitches of the notes in [from, to) beats, in order, as "E4 E4 E4". */
  private static String phrase(Song song, double from, double to) {
    return song.notes().stream()
        .filter(n -> n.beat() >= from && n.beat() < to)
        .map(n -> n.pitch().name())
        .collect(Collectors.joining(" "));
  }

  @Test
  void folder_everySong_parsesWithinHandbellRange() throws IOException {
    List<Song> songs = folderSongs();

    assertTrue(songs.stream().map(Song::id).toList().containsAll(REQUIRED),
        songs.stream().map(Song::id).toList().toString());
    for (Song song : songs) {
      assertTrue(song.pitches().first().compareTo(LOWEST) >= 0, song.id());
      assertTrue(song.pitches().last().compareTo(HIGHEST) <= 0, song.id());
      assertTrue(song.bpm() >= 60 && song.bpm() <= 160, song.id() + " tempo " + song.bpm());
    }
  }

  @Test
  void folder_everySong_keepsNotesInsideTheirBarsWithoutOverlap() throws IOException {
    for (Song song : folderSongs()) {
      double pickup = song.pickupBeats();
      double bar = song.beatsPerBar();
      SongNote previous = null;
      for (SongNote note : song.notes()) {
        double startBar = Math.floor((note.beat() - pickup + 1e-9) / bar);
        double endBar = Math.floor((note.beat() + note.beats() - pickup - 1e-9) / bar);
        assertEquals(startBar, endBar, song.id() + " note " + note.index() + " crosses a bar line");
        if (previous != null) {
          assertTrue(previous.beat() + previous.beats() <= note.beat() + 1e-9,
              song.id() + " notes " + previous.index() + " and " + note.index() + " overlap");
        }
        previous = note;
      }
    }
  }

  @Test
  void folder_everySong_hasNoPassageTooFastToRing() throws IOException {
    for (Song song : folderSongs()) {
      double repeat = Ringing.shortestRepeatMs(song);
      int chord = Ringing.largestChord(song);

      assertTrue(repeat >= Ringing.REPEAT_MS,
          song.id() + " repeats a bell after " + repeat + " ms");
      assertTrue(chord <= Ringing.MAX_CHORD, song.id() + " strikes " + chord + " bells at once");
    }
  }

  @Test
  void folder_songsWithPickups_declareThem() throws IOException {
    assertEquals(1.0, song("we-wish-you-a-merry-christmas").pickupBeats());
    assertEquals(1.0, song("o-come-all-ye-faithful").pickupBeats());
    assertEquals(1.0, song("auld-lang-syne").pickupBeats());
    assertEquals(1.0, song("o-christmas-tree").pickupBeats());
    assertEquals(0.0, song("jingle-bells").pickupBeats());
  }

  @Test
  void library_bundledSongs_areAllReadable() {
    SongLibrary library = SongLibrary.bundled();

    assertEquals(Map.of(), library.problems());
    assertTrue(library.songs().stream().map(Song::id).toList().containsAll(REQUIRED));
  }

  @Test
  void openings_everyRequiredSong_matchesTheTune() throws IOException {
    Map<String, String> openings = new LinkedHashMap<>();
    openings.put("deck-the-halls", "C5 A#4 A4 G4 F4 G4 A4 F4");
    openings.put("joy-to-the-world", "D5 C#5 B4 A4 G4 F#4 E4 D4");
    openings.put("o-christmas-tree", "C4 F4 F4 F4 G4 A4 A4 A4");
    openings.put("good-king-wenceslas", "G4 G4 G4 A4 G4 G4 D4");
    openings.put("hark-the-herald-angels-sing", "D4 G4 G4 F#4 G4 B4 B4 A4");
    openings.put("o-come-all-ye-faithful", "G4 G4 D4 G4 A4 D4");
    openings.put("auld-lang-syne", "C4 F4 F4 F4 A4 G4 F4 G4 A4");
    openings.put("ode-to-joy", "B4 B4 C5 D5 D5 C5 B4 A4");
    openings.put("twinkle-twinkle-little-star", "C4 C4 G4 G4 A4 A4 G4");
    openings.put("frere-jacques", "F4 G4 A4 F4 F4 G4 A4 F4 A4 A#4 C5");

    for (Map.Entry<String, String> opening : openings.entrySet()) {
      Song song = song(opening.getKey());
      int count = opening.getValue().split(" ").length;
      String start = song.notes().stream().limit(count).map(n -> n.pitch().name())
          .collect(Collectors.joining(" "));

      assertEquals(opening.getValue(), start, opening.getKey());
    }
  }

  @Test
  void twinkle_twelveBars_endOnTheTonic() throws IOException {
    Song song = song("twinkle-twinkle-little-star");

    assertEquals(48 * song.msPerBeat(), song.durationMs(), 1e-6);
    assertEquals("C4", song.notes().get(song.notes().size() - 1).pitch().name());
  }

  @Test
  void jingleBells_verseAndChorus_matchTheTune() throws IOException {
    Song song = song("jingle-bells");

    assertEquals(4, song.beatsPerBar());
    assertEquals(128 * song.msPerBeat(), song.durationMs(), 1e-6);
    assertEquals("D4 B4 A4 G4 D4 D4 D4", phrase(song, 0, 8));
    assertEquals("E4 C5 B4 A4 F#4 D5 D5 C5 A4 B4", phrase(song, 16, 32));
    assertEquals("B4 B4 B4 B4 B4 B4 B4 D5 G4 A4 B4", phrase(song, 64, 80));
    assertEquals("C5 C5 C5 C5 C5 B4 B4 B4 B4 D5 D5 C5 A4 G4", phrase(song, 112, 128));
  }

  @Test
  void weWish_pickupAndOpening_matchTheTune() throws IOException {
    Song song = song("we-wish-you-a-merry-christmas");

    assertEquals(3, song.beatsPerBar());
    assertEquals(49 * song.msPerBeat(), song.durationMs(), 1e-6);
    assertEquals("D4 G4 G4 A4 G4 F#4 E4 E4 E4", phrase(song, 0, 7));
    assertEquals(1.0, song.notes().get(1).beat());
    assertEquals("G4 G4 G4 F#4 F#4 G4 F#4 E4 D4 A4", phrase(song, 25, 37));
  }

  @Test
  void silentNight_openingAndEnding_matchTheTune() throws IOException {
    Song song = song("silent-night");

    assertEquals(3, song.beatsPerBar());
    assertEquals(69 * song.msPerBeat(), song.durationMs(), 1e-6);
    assertEquals("G4 A4 G4 E4 G4 A4 G4 E4", phrase(song, 0, 12));
    assertEquals("D5 D5 F5 D5 B4 C5 E5 C5 G4 E4 G4 F4 D4 C4", phrase(song, 48, 69));
  }

  @Test
  void docs_exampleSong_parses() throws IOException {
    String docs = Files.readString(songsFolder().resolve("../docs/songs.md"));
    int start = docs.indexOf("```json\n{") + "```json\n".length();
    String example = docs.substring(start, docs.indexOf("\n```", start));

    Song song = SongParser.parse("example", example);

    assertEquals("We Wish You a Merry Christmas", song.title());
    assertEquals(Pitch.parse("G3"), song.pitches().first());
  }

  @Test
  void index_listsExactlyTheSongFiles() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(songsFolder())) {
      files = list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json")).sorted().toList();
    }

    List<String> listed = Files.readAllLines(songsFolder().resolve("index.txt")).stream()
        .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();

    assertEquals(files, listed);
  }
}
