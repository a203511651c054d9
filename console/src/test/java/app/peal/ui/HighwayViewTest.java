package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.peal.game.Judgement;
import app.peal.game.Performance;
import app.peal.game.Phase;
import app.peal.game.RoomSnapshot;
import app.peal.game.Verdict;
import app.peal.music.Pitch;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HighwayViewTest {
  private FakeRoom room;
  private HighwayView highway;
  private Performance performance;

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @BeforeEach
  void openHighway() {
    room = FakeRoom.empty();
    room.chooseSong("ode");
    performance = FakeRoom.performance(FakeRoom.odeToJoy(), 3000, List.of());
    highway = Fx.call(() -> new HighwayView(room));
    Fx.run(() -> highway.show(room.inPhase(Phase.PLAYING, performance, null)));
  }

  @Test
  void judged_verdicts_countInTallyAndFlashAtLane() {
    Pitch e4 = Pitch.parse("E4");
    room.nowMs = 3010;

    Fx.run(() -> {
      highway.judged(new Judgement(0, "1", e4, Verdict.PERFECT, 10, 3010));
      highway.judged(new Judgement(1, "1", e4, Verdict.GOOD, 100, 3600));
      highway.judged(new Judgement(-1, "1", e4, Verdict.STRAY, Double.NaN, 3700));
    });

    assertEquals("PERFECT 1 · GOOD 1 · MISS 0", highway.tallyText());
    assertEquals(Verdict.GOOD, Fx.call(() -> highway.flashing(e4)));
  }

  @Test
  void flashing_afterFlashTime_fades() {
    Pitch e4 = Pitch.parse("E4");
    room.nowMs = 3010;
    Fx.run(() -> highway.judged(new Judgement(0, "1", e4, Verdict.MISS, Double.NaN, 3000)));

    room.nowMs = 3010 + HighwayPainter.FLASH_MS + 1;

    assertNull(Fx.call(() -> highway.flashing(e4)));
  }

  @Test
  void show_sameRunAgain_keepsTally() {
    Fx.run(() -> highway.judged(
        new Judgement(0, "1", Pitch.parse("E4"), Verdict.PERFECT, 0, 3000)));

    Fx.run(() -> highway.show(room.inPhase(Phase.PLAYING, performance, null)));

    assertEquals("PERFECT 1 · GOOD 0 · MISS 0", highway.tallyText());
  }

  @Test
  void show_newRun_startsFreshTally() {
    Fx.run(() -> highway.judged(
        new Judgement(0, "1", Pitch.parse("E4"), Verdict.MISS, Double.NaN, 3000)));
    Performance again = FakeRoom.performance(FakeRoom.odeToJoy(), 20_000, List.of());

    Fx.run(() -> highway.show(room.inPhase(Phase.COUNT_IN, again, null)));

    assertEquals("PERFECT 0 · GOOD 0 · MISS 0", highway.tallyText());
  }

  @Test
  void frame_halfwayThroughSong_movesProgressHalfway() {
    double halfway = performance.startAt() + performance.durationMs() / 2;

    Fx.run(() -> highway.frame(halfway));

    assertEquals(0.5, Fx.call(() -> highway.progress()), 1e-9);
  }

  @Test
  void frame_duringCountIn_drawsWithoutProgress() {
    RoomSnapshot counting = room.inPhase(Phase.COUNT_IN, performance, null);
    Fx.run(() -> {
      highway.sizeCanvas(800, 600);
      highway.show(counting);
    });

    Fx.run(() -> highway.frame(performance.startAt() - 1500));

    assertEquals(0, Fx.call(() -> highway.progress()), 1e-9);
  }
}
