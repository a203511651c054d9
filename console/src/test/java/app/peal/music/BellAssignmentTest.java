package app.peal.music;

import static app.peal.music.BellAssignerTest.players;
import static app.peal.music.BellAssignerTest.songOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BellAssignmentTest {
  private static final Pitch D4 = Pitch.parse("D4");
  private static final Pitch E4 = Pitch.parse("E4");

  /** p1 C4, p2 D4, p3 E4, p4 doubles the busy D4. */
  private static BellAssignment doubled() {
    return BellAssigner.assign(songOf("C4*2", "D4*8", "E4*3"), players(4));
  }

  @Test
  void withoutPlayer_doubledBell_staysWithPartner() {
    BellAssignment before = doubled();

    BellAssignment after = before.withoutPlayer("p2");

    assertEquals(List.of("p2", "p4"), before.ringersOf(D4));
    assertEquals(List.of("p4"), after.ringersOf(D4));
    assertTrue(after.consoleBells().isEmpty());
    assertEquals(List.of(), after.bellsOf("p2"));
    assertEquals(List.of("p1", "p3", "p4"), after.players());
  }

  @Test
  void ringerOf_doubledBell_dealsItsNotesInTurn() {
    BellAssignment assignment = doubled();

    List<String> dealt = java.util.stream.IntStream.range(0, 4)
        .mapToObj(i -> assignment.ringerOf(D4, i).orElseThrow()).toList();

    assertEquals(List.of("p2", "p4", "p2", "p4"), dealt);
    assertEquals(java.util.Optional.of("p3"), assignment.ringerOf(E4, 5));
  }

  @Test
  void ringerOf_consoleBell_isEmpty() {
    BellAssignment assignment = BellAssigner.assign(songOf("C4*2", "D4*8"), players(0));

    assertTrue(assignment.ringerOf(D4, 0).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> assignment.ringerOf(D4, -1));
  }

  @Test
  void withoutPlayer_soleRinger_givesBellsToConsole() {
    BellAssignment before = doubled();

    BellAssignment after = before.withoutPlayer("p3");

    assertEquals(new TreeSet<>(List.of(E4)), after.consoleBells());
    assertEquals(List.of(), after.ringersOf(E4));
    assertEquals(Set.of("p3"), after.departed());
  }

  @Test
  void withoutPlayer_othersKeepTheirBells() {
    BellAssignment before = BellAssigner.assign(
        SongLibrary.bundled().find("silent-night").orElseThrow(), players(3));

    BellAssignment after = before.withoutPlayer("p2");

    assertEquals(before.bellsOf("p1"), after.bellsOf("p1"));
    assertEquals(before.bellsOf("p3"), after.bellsOf("p3"));
    Set<Pitch> expectedConsole = new TreeSet<>(before.consoleBells());
    expectedConsole.addAll(before.bellsOf("p2"));
    assertEquals(expectedConsole, after.consoleBells());
  }

  @Test
  void withoutPlayer_unknownOrGone_changesNothing() {
    BellAssignment gone = doubled().withoutPlayer("p1");

    assertSame(gone, gone.withoutPlayer("p1"));
    assertSame(gone, gone.withoutPlayer("stranger"));
  }

  @Test
  void withPlayerBack_afterLeaving_restoresTheirBells() {
    BellAssignment before = doubled();

    BellAssignment back = before.withoutPlayer("p3").withoutPlayer("p2").withPlayerBack("p3");

    assertEquals(List.of(E4), back.bellsOf("p3"));
    assertEquals(List.of("p3"), back.ringersOf(E4));
    assertTrue(back.consoleBells().isEmpty());
    assertEquals(before, back.withPlayerBack("p2"));
  }

  @Test
  void withPlayerBack_presentPlayer_changesNothing() {
    BellAssignment before = doubled();

    assertSame(before, before.withPlayerBack("p1"));
  }

  @Test
  void withPlayerBack_playerWithoutBells_saysWhenTheyGetSome() {
    BellAssignment before = doubled();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> before.withPlayerBack("late"));

    assertEquals("player 'late' held no bells in this song;"
        + " they get bells when the next song is assigned", error.getMessage());
  }

  @Test
  void bellsOf_unknownPlayer_isEmpty() {
    assertEquals(List.of(), doubled().bellsOf("nobody"));
  }

  @Test
  void assign_twentyPlayers_eachHoldsOneUnitAndBusiestHaveMostRingers() {
    Song song = SongLibrary.bundled().find("jingle-bells").orElseThrow();
    Map<Pitch, Long> counts = BellAssignerTest.notesPerPitch(song);

    BellAssignment assignment = BellAssigner.assign(song, players(20));

    for (String id : assignment.players()) {
      List<Pitch> bells = assignment.bellsOf(id);
      boolean oneUnit = bells.size() == 1
          || bells.size() == 2 && bells.get(1).midi() - bells.get(0).midi() == 1;
      assertTrue(oneUnit, id + " holds " + bells);
    }
    Pitch busiest = counts.entrySet().stream()
        .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Pitch quietest = counts.entrySet().stream()
        .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertTrue(assignment.ringersOf(busiest).size() > assignment.ringersOf(quietest).size());
  }
}
