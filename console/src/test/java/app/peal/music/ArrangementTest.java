package app.peal.music;

import static app.peal.music.BellAssignerTest.players;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a handbell director promises, checked for every bundled song and 2 to 12 players. */
class ArrangementTest {
  private interface Check {
    void check(Song song, int players, BellAssignment assignment, String where);
  }

  private static void forEverySongAndCount(Check check) {
    for (Song song : SongLibrary.bundled().songs()) {
      for (int count = ArrangementReport.FEWEST_PLAYERS;
          count <= ArrangementReport.MOST_PLAYERS; count++) {
        BellAssignment assignment = BellAssigner.assign(song, players(count));
        check.check(song, count, assignment, song.id() + " with " + count + " players");
      }
    }
  }

  @Test
  void assign_everySong_noRingerSwapsBellsFasterThanAPersonCan() {
    forEverySongAndCount((song, count, assignment, where) -> {
      for (String id : assignment.players()) {
        double swap = ArrangementReport.shortestSwapMs(song, assignment.bellsOf(id));

        assertTrue(swap >= Ringing.SWAP_MS, where + ": " + id + " swaps in " + swap + " ms");
      }
    });
  }

  @Test
  void assign_everySong_givesEachRingerAFewNeighbouringBells() {
    forEverySongAndCount((song, count, assignment, where) -> {
      for (String id : assignment.players()) {
        List<Pitch> bells = assignment.bellsOf(id);

        assertTrue(!bells.isEmpty(), where + ": " + id + " holds nothing");
        assertTrue(bells.size() <= BellAssigner.MAX_BELLS_PER_PLAYER, where + ": " + bells);
        int span = bells.get(bells.size() - 1).midi() - bells.get(0).midi();
        assertTrue(span <= BellAssigner.MAX_SPAN, where + ": " + id + " spans " + bells);
      }
    });
  }

  @Test
  void assign_enoughRingers_givesAtMostTwoUnitsEach() {
    forEverySongAndCount((song, count, assignment, where) -> {
      BellUnits units = BellUnits.of(song);
      if (2 * count < units.size()) {
        return;
      }
      for (String id : assignment.players()) {
        long held = 0;
        for (int u = 0; u < units.size(); u++) {
          if (assignment.bellsOf(id).containsAll(units.bells(u))) {
            held++;
          }
        }

        assertTrue(held >= 1 && held <= 2, where + ": " + id + " holds " + held + " units");
      }
    });
  }

  @Test
  void assign_everySong_keepsEachSharpWithANaturalNeighbour() {
    forEverySongAndCount((song, count, assignment, where) -> {
      BellUnits.Conflicts conflicts = BellUnits.Conflicts.of(song);
      for (Pitch pitch : song.pitches()) {
        if (!pitch.isAccidental() || assignment.ringersOf(pitch).isEmpty()) {
          continue;
        }
        Pitch below = pitch.transpose(-1);
        Pitch above = pitch.transpose(1);
        boolean belowFits = song.pitches().contains(below) && !conflicts.clash(pitch, below);
        boolean aboveFits = song.pitches().contains(above) && !conflicts.clash(pitch, above);
        if (!belowFits && !aboveFits) {
          continue;
        }

        List<String> ringers = assignment.ringersOf(pitch);
        boolean shared = belowFits && ringers.equals(assignment.ringersOf(below))
            || aboveFits && ringers.equals(assignment.ringersOf(above));
        assertTrue(shared, where + ": " + pitch + " rung apart from its natural");
      }
    });
  }

  @Test
  void assign_everySong_balancesNotesNearAnEvenShare() {
    forEverySongAndCount((song, count, assignment, where) -> {
      BellUnits units = BellUnits.of(song);
      long busiestUnit = 0;
      for (int u = 0; u < units.size(); u++) {
        busiestUnit = Math.max(busiestUnit, units.notes(u));
      }
      long even = (units.totalNotes() + count - 1) / count;

      ArrangementReport.Row row = ArrangementReport.measure(song, count);

      assertTrue(row.mostNotes() <= even + busiestUnit, where + ": " + row);
    });
  }

  @Test
  void assign_moreRingersThanUnits_doublesBellsAndLeavesTheConsoleNothing() {
    forEverySongAndCount((song, count, assignment, where) -> {
      BellUnits units = BellUnits.of(song);
      if (count < units.size()) {
        return;
      }
      Set<String> ringers = new HashSet<>();
      for (Pitch pitch : song.pitches()) {
        ringers.addAll(assignment.ringersOf(pitch));
      }

      assertEquals(Set.of(), assignment.consoleBells(), where);
      assertEquals(count, ringers.size(), where);
      if (count > units.size()) {
        assertTrue(song.pitches().stream().anyMatch(p -> assignment.ringersOf(p).size() > 1),
            where + ": nobody doubles a bell");
      }
    });
  }

  @Test
  void assign_twoPlayersAndAFastRun_splitsTheRunBetweenThem() {
    List<SongNote> notes = new ArrayList<>();
    String[] run = {"C5", "D5", "E5", "F5", "G5", "F5", "E5", "D5"};
    for (int i = 0; i < run.length; i++) {
      notes.add(new SongNote(i, Pitch.parse(run[i]), i * 0.25, 0.25));
    }
    Song song = new Song("run", "Run", "Test", 120, 4, 4, notes);

    BellAssignment assignment = BellAssigner.assign(song, players(2));

    for (String id : assignment.players()) {
      assertTrue(ArrangementReport.shortestSwapMs(song, assignment.bellsOf(id))
          >= Ringing.SWAP_MS, assignment.toString());
    }
    assertEquals(Set.of(), assignment.consoleBells(), assignment.toString());
    assertEquals(List.of(Pitch.parse("C5"), Pitch.parse("E5"), Pitch.parse("G5")),
        assignment.bellsOf("p1"));
    assertEquals(List.of(Pitch.parse("D5"), Pitch.parse("F5")), assignment.bellsOf("p2"));
  }
}
