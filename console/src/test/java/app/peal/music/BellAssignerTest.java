package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BellAssignerTest {
  private static final List<Integer> PLAYER_COUNTS = List.of(0, 1, 2, 3, 5, 8, 9, 20);

  /** A song striking each named pitch "C#4*3" the given number of times, one per beat. */
  static Song songOf(String... pitchTimes) {
    List<SongNote> notes = new ArrayList<>();
    for (String entry : pitchTimes) {
      String[] parts = entry.split("\\*");
      int times = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
      for (int i = 0; i < times; i++) {
        notes.add(new SongNote(notes.size(), Pitch.parse(parts[0]), notes.size(), 1));
      }
    }
    return new Song("synthetic", "Synthetic", "Test", 100, 4, 4, notes);
  }

  static List<String> players(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add("p" + i);
    }
    return ids;
  }

  private static List<Pitch> pitches(String... names) {
    return Arrays.stream(names).map(Pitch::parse).toList();
  }

  static Map<Pitch, Long> notesPerPitch(Song song) {
    Map<Pitch, Long> counts = new HashMap<>();
    song.notes().forEach(n -> counts.merge(n.pitch(), 1L, Long::sum));
    return counts;
  }

  private static long notesOf(Song song, List<Pitch> bells) {
    Map<Pitch, Long> counts = notesPerPitch(song);
    return bells.stream().mapToLong(counts::get).sum();
  }

  @Test
  void assign_zeroPlayers_consoleRingsEverything() {
    for (Song song : SongLibrary.bundled().songs()) {
      BellAssignment assignment = BellAssigner.assign(song, List.of());

      assertEquals(song.pitches(), assignment.consoleBells());
      assertEquals(List.of(), assignment.players());
    }
  }

  @Test
  void assign_onePlayer_holdsTheFourBusiestBells() {
    Song song = songOf("C4*1", "D4*5", "E4*2", "F4*6", "G4*7", "A4*3", "B4*4");

    BellAssignment assignment = BellAssigner.assign(song, List.of("solo"));

    assertEquals(pitches("D4", "F4", "G4", "B4"), assignment.bellsOf("solo"));
    assertEquals(new TreeSet<>(pitches("C4", "E4", "A4")), assignment.consoleBells());
  }

  @Test
  void assign_twoPlayersNineBells_consoleTakesTheLeastPlayed() {
    Song song = SongLibrary.bundled().find("jingle-bells").orElseThrow();
    Map<Pitch, Long> counts = notesPerPitch(song);

    BellAssignment assignment = BellAssigner.assign(song, players(2));

    assertEquals(9, song.pitches().size());
    assertEquals(4, assignment.bellsOf("p1").size());
    assertEquals(4, assignment.bellsOf("p2").size());
    Pitch console = assignment.consoleBells().first();
    long fewest = counts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertEquals(1, assignment.consoleBells().size());
    assertEquals(fewest, counts.get(console));
  }

  @Test
  void assign_accidentals_goWithTheirNatural() {
    Song song = songOf("C4*4", "C#4*1", "D4*4", "E4*4", "F#4*2", "G4*4", "G#4*1", "A4*4");

    BellAssignment assignment = BellAssigner.assign(song, players(5));

    assertEquals(pitches("C4", "C#4"), assignment.bellsOf("p1"));
    assertEquals(pitches("D4"), assignment.bellsOf("p2"));
    assertEquals(pitches("E4"), assignment.bellsOf("p3"));
    assertEquals(pitches("F#4", "G4", "G#4"), assignment.bellsOf("p4"));
    assertEquals(pitches("A4"), assignment.bellsOf("p5"));
  }

  @Test
  void assign_sharpWithoutItsNaturalBelow_joinsTheNaturalAbove() {
    Song song = songOf("D4*4", "F#4*2", "G4*4", "A#4*3");

    BellAssignment assignment = BellAssigner.assign(song, players(3));

    assertEquals(pitches("D4"), assignment.bellsOf("p1"));
    assertEquals(pitches("F#4", "G4"), assignment.bellsOf("p2"));
    assertEquals(pitches("A#4"), assignment.bellsOf("p3"));
  }

  @Test
  void assign_sharpStruckRightAfterItsNatural_getsAnotherRinger() {
    List<SongNote> notes = new ArrayList<>();
    String[] run = {"F4", "F#4", "G4", "C4", "F4", "F#4", "G4", "C4"};
    for (int i = 0; i < run.length; i++) {
      notes.add(new SongNote(i, Pitch.parse(run[i]), i * 0.25, 0.25));
    }
    Song song = new Song("chromatic", "Chromatic", "Test", 120, 4, 4, notes);

    BellAssignment assignment = BellAssigner.assign(song, players(4));

    assertEquals(1, assignment.ringersOf(Pitch.parse("F#4")).size());
    assertTrue(!assignment.ringersOf(Pitch.parse("F#4"))
        .equals(assignment.ringersOf(Pitch.parse("F4"))));
    assertTrue(!assignment.ringersOf(Pitch.parse("F#4"))
        .equals(assignment.ringersOf(Pitch.parse("G4"))));
  }

  @Test
  void assign_extraPlayers_doubleTheBusiestUnits() {
    Song song = songOf("C4*2", "D4*9", "E4*3", "F4*6");

    BellAssignment assignment = BellAssigner.assign(song, players(6));

    assertEquals(pitches("D4"), assignment.bellsOf("p5"));
    assertEquals(pitches("F4"), assignment.bellsOf("p6"));
    assertEquals(List.of("p2", "p5"), assignment.ringersOf(Pitch.parse("D4")));
    assertEquals(List.of("p1"), assignment.ringersOf(Pitch.parse("C4")));
    assertTrue(assignment.consoleBells().isEmpty());
  }

  @Test
  void assign_fewerPlayers_splitsRunsEvenly() {
    Song song = songOf("C4*10", "D4*10", "E4*10", "F4*10", "G4*10", "A4*10");

    BellAssignment assignment = BellAssigner.assign(song, players(3));

    assertEquals(pitches("C4", "D4"), assignment.bellsOf("p1"));
    assertEquals(pitches("E4", "F4"), assignment.bellsOf("p2"));
    assertEquals(pitches("G4", "A4"), assignment.bellsOf("p3"));
  }

  @Test
  void assign_busyBell_getsASmallerRun() {
    Song song = songOf("C4*30", "D4*5", "E4*5", "F4*5", "G4*5");

    BellAssignment assignment = BellAssigner.assign(song, players(2));

    assertEquals(pitches("C4"), assignment.bellsOf("p1"));
    assertEquals(pitches("D4", "E4", "F4", "G4"), assignment.bellsOf("p2"));
    assertTrue(assignment.consoleBells().isEmpty());
  }

  @Test
  void assign_runLimit_beatsBalance() {
    Song song = songOf("C4*30", "D4*5", "E4*5", "F4*5", "G4*5", "A4*5");

    BellAssignment assignment = BellAssigner.assign(song, players(2));

    assertEquals(pitches("C4", "D4"), assignment.bellsOf("p1"));
    assertEquals(pitches("E4", "F4", "G4", "A4"), assignment.bellsOf("p2"));
  }

  @Test
  void assign_anySongAndPlayerCount_coversEveryPitchExactlyOnce() {
    for (Song song : SongLibrary.bundled().songs()) {
      for (int count : PLAYER_COUNTS) {
        BellAssignment assignment = BellAssigner.assign(song, players(count));
        String where = song.id() + " with " + count + " players";

        Set<Pitch> held = new HashSet<>();
        for (String id : assignment.players()) {
          List<Pitch> bells = assignment.bellsOf(id);
          assertTrue(!bells.isEmpty(), where + ": " + id + " holds nothing");
          assertTrue(bells.size() <= BellAssigner.MAX_BELLS_PER_PLAYER, where);
          assertEquals(new ArrayList<>(new TreeSet<>(bells)), bells, where + ": not ascending");
          held.addAll(bells);
        }
        Set<Pitch> all = new HashSet<>(held);
        all.addAll(assignment.consoleBells());
        assertEquals(new HashSet<>(song.pitches()), all, where);
        assertTrue(assignment.consoleBells().stream().noneMatch(held::contains), where);
        assertEquals(players(count), assignment.players(), where);
      }
    }
  }

  @Test
  void assign_anySongAndPlayerCount_keepsSharpsWithTheirNatural() {
    for (Song song : SongLibrary.bundled().songs()) {
      for (int count : PLAYER_COUNTS) {
        BellAssignment assignment = BellAssigner.assign(song, players(count));

        for (Pitch pitch : song.pitches()) {
          Pitch natural = pitch.transpose(-1);
          if (pitch.isAccidental() && !assignment.ringersOf(natural).isEmpty()) {
            assertEquals(assignment.ringersOf(natural), assignment.ringersOf(pitch),
                song.id() + " with " + count + " players: " + pitch);
          }
        }
      }
    }
  }

  @Test
  void assign_fewerPlayersThanBells_balancesNotesNearTheIdeal() {
    for (Song song : SongLibrary.bundled().songs()) {
      for (int count = 3; count < song.pitches().size(); count++) {
        BellAssignment assignment = BellAssigner.assign(song, players(count));
        long busiestBell = notesPerPitch(song).values().stream()
            .mapToLong(Long::longValue).max().orElseThrow();

        long total = song.notes().size();
        long ideal = (total + count - 1) / count;
        for (String id : assignment.players()) {
          long notes = notesOf(song, assignment.bellsOf(id));
          assertTrue(notes <= ideal + busiestBell,
              song.id() + " with " + count + ": " + id + " rings " + notes + ", ideal " + ideal);
        }
      }
    }
  }

  @Test
  void assign_sameInput_givesSameAssignment() {
    Song song = SongLibrary.bundled().find("we-wish-you-a-merry-christmas").orElseThrow();

    for (int count : PLAYER_COUNTS) {
      assertEquals(BellAssigner.assign(song, players(count)),
          BellAssigner.assign(song, players(count)));
    }
  }

  @Test
  void assign_repeatedPlayer_isRejected() {
    Song song = songOf("C4");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BellAssigner.assign(song, List.of("a", "b", "a")));

    assertEquals("player id 'a' is listed twice; each player needs a unique id",
        error.getMessage());
  }
}
