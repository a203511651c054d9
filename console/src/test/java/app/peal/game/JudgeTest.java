package app.peal.game;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Pitch;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {
  private static final Pitch C5 = Pitch.parse("C5");
  private static final Pitch D5 = Pitch.parse("D5");

  @Test
  void ring_withinPerfectWindow_isPerfectWithSignedOffset() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);

    Judgement j = judge.ring("ann", C5, 1040);

    assertEquals(Verdict.PERFECT, j.verdict());
    assertEquals(0, j.noteId());
    assertEquals(40, j.offsetMs(), 1e-9);
  }

  @Test
  void ring_betweenPerfectAndGoodWindows_isGood() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);

    Judgement j = judge.ring("ann", C5, 1000 - 120);

    assertEquals(Verdict.GOOD, j.verdict());
    assertEquals(-120, j.offsetMs(), 1e-9);
  }

  @Test
  void ring_outsideEveryWindow_isStrayAndLeavesTheNoteOpen() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);

    Judgement stray = judge.ring("ann", C5, 1200);
    Judgement later = judge.ring("ann", C5, 990);

    assertEquals(Verdict.STRAY, stray.verdict());
    assertEquals(Verdict.PERFECT, later.verdict());
    assertEquals(1, judge.score("ann").stray());
  }

  @Test
  void ring_isJudgedByItsInstantNotItsOrder() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);
    judge.expect("ann", 1, C5, 1500);

    Judgement second = judge.ring("ann", C5, 1490);
    Judgement first = judge.ring("ann", C5, 1010);

    assertEquals(1, second.noteId());
    assertEquals(0, first.noteId());
  }

  @Test
  void ring_eachNoteCountsOnce() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);

    judge.ring("ann", C5, 1000);
    Judgement again = judge.ring("ann", C5, 1010);

    assertEquals(Verdict.STRAY, again.verdict());
    assertEquals(1, judge.score("ann").perfect());
  }

  @Test
  void ring_withoutBell_picksTheBellWithTheNearestNote() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);
    judge.expect("ann", 1, D5, 1100);

    Judgement j = judge.ring("ann", null, 1090);

    assertEquals(D5, j.pitch());
    assertEquals(1, j.noteId());
  }

  @Test
  void ring_onAnotherPlayersNote_isStray() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);

    Judgement j = judge.ring("bob", C5, 1000);

    assertEquals(Verdict.STRAY, j.verdict());
    assertEquals(0, judge.score("ann").perfect());
  }

  @Test
  void sweep_missesOnlyNotesWhoseWindowHasClosed() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);
    judge.expect("ann", 1, C5, 2000);

    List<Judgement> missed = judge.sweep("ann", 1000 + Judge.GOOD_MS + 1);

    assertEquals(1, missed.size());
    assertEquals(Verdict.MISS, missed.get(0).verdict());
    assertEquals(0, missed.get(0).noteId());
    assertTrue(Double.isNaN(missed.get(0).offsetMs()));
    assertEquals(Verdict.PERFECT, judge.ring("ann", C5, 2000).verdict());
  }

  @Test
  void release_dropsOpenNotesFromThePlayersTally() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);
    judge.expect("ann", 1, C5, 2000);
    judge.ring("ann", C5, 1000);

    judge.release("ann", C5);

    assertEquals(1, judge.score("ann").notes());
    assertEquals(1.0, judge.score("ann").accuracy(), 1e-9);
    assertTrue(judge.sweep("ann", Double.POSITIVE_INFINITY).isEmpty());
  }

  @Test
  void choir_addsUpEveryPlayer() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 1000);
    judge.expect("bob", 1, D5, 1000);
    judge.ring("ann", C5, 1100);
    judge.sweep("bob", Double.POSITIVE_INFINITY);

    Score choir = judge.choir();

    assertEquals(2, choir.notes());
    assertEquals(1, choir.good());
    assertEquals(1, choir.miss());
    assertEquals(0.5, choir.accuracy(), 1e-9);
    assertEquals(100, choir.meanAbsOffsetMs(), 1e-9);
  }

  @Test
  void expect_outOfTimeOrder_isRefused() {
    Judge judge = new Judge();
    judge.expect("ann", 0, C5, 2000);

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> judge.expect("ann", 1, C5, 1000));

    assertEquals("notes must be expected in time order; note 1 at 1000.0 is early",
        e.getMessage());
  }
}
