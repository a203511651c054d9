package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Pitch;
import app.peal.sync.RoomClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConsoleRingerTest {
  /** Generous on purpose: this checks that bells land on their beat, not how tightly. */
  private static final double TOLERANCE_MS = 30;

  private final RoomClock clock = RoomClock.system();
  private final List<Rung> rung = new CopyOnWriteArrayList<>();
  private final BellPlayer recorder = pitch -> rung.add(new Rung(pitch, clock.nowMs()));

  private record Rung(Pitch pitch, double atMs) {}

  @Test
  void start_shuffledSong_ringsEveryBellInOrderOnItsInstant() throws Exception {
    double t = clock.nowMs() + 100;
    List<BellStrike> song = List.of(
        strike("G4", t + 230), strike("C4", t), strike("E4", t + 60), strike("G4", t + 60),
        strike("C5", t + 310), strike("A4", t + 125));

    ConsoleRinger ringer = ConsoleRinger.start(song, clock, recorder);
    boolean finished = ringer.awaitFinished(5, TimeUnit.SECONDS);

    List<BellStrike> expected = new ArrayList<>(song);
    expected.sort((a, b) -> Double.compare(a.atMs(), b.atMs()));
    assertAll(
        () -> assertTrue(finished),
        () -> assertEquals(6, ringer.played()),
        () -> assertEquals(0, ringer.skipped()),
        () -> assertEquals(expected.stream().map(BellStrike::pitch).toList(),
            rung.stream().map(Rung::pitch).toList()));
    for (int i = 0; i < expected.size(); i++) {
      double planned = expected.get(i).atMs();
      double actual = rung.get(i).atMs();
      assertTrue(actual >= planned, "bell " + i + " rang early: " + actual + " < " + planned);
      assertTrue(actual - planned < TOLERANCE_MS,
          "bell " + i + " rang " + (actual - planned) + " ms late");
    }
  }

  @Test
  void start_wantedChangesMidSong_asksAtEachBellsInstant() throws Exception {
    double t = clock.nowMs() + 50;
    BellStrike first = strike("C4", t);
    BellStrike second = strike("D4", t + 80);
    BellStrike third = strike("E4", t + 160);
    java.util.Set<BellStrike> guestRings = java.util.concurrent.ConcurrentHashMap.newKeySet();
    BellPlayer player = pitch -> {
      recorder.ring(pitch);
      // The guest dealt the second bell comes back just after the first one sounds.
      guestRings.add(second);
    };

    ConsoleRinger ringer = ConsoleRinger.start(List.of(first, second, third), clock, player,
        strike -> !guestRings.contains(strike));
    boolean finished = ringer.awaitFinished(5, TimeUnit.SECONDS);

    assertTrue(finished);
    assertEquals(List.of(Pitch.parse("C4"), Pitch.parse("E4")),
        rung.stream().map(Rung::pitch).toList());
    assertEquals(2, ringer.played());
  }

  @Test
  void cancel_afterFirstBell_ringsNoMore() throws Exception {
    CountDownLatch firstRung = new CountDownLatch(1);
    BellPlayer player = pitch -> {
      recorder.ring(pitch);
      firstRung.countDown();
    };
    double t = clock.nowMs();
    List<BellStrike> song = List.of(strike("C4", t + 50), strike("D4", t + 250),
        strike("E4", t + 300));

    ConsoleRinger ringer = ConsoleRinger.start(song, clock, player);
    boolean firstCame = firstRung.await(5, TimeUnit.SECONDS);
    ringer.cancel();
    Thread.sleep(Math.max(0, (long) (t + 400 - clock.nowMs())));

    assertAll(
        () -> assertTrue(firstCame),
        () -> assertTrue(ringer.isFinished()),
        () -> assertEquals(List.of(Pitch.parse("C4")), rung.stream().map(Rung::pitch).toList()));
  }

  @Test
  void start_bellLongPast_skipsItAndRingsTheRest() throws Exception {
    double t = clock.nowMs();
    List<BellStrike> song = List.of(strike("C4", t - 500), strike("D4", t + 50));

    ConsoleRinger ringer = ConsoleRinger.start(song, clock, recorder);
    boolean finished = ringer.awaitFinished(5, TimeUnit.SECONDS);

    assertAll(
        () -> assertTrue(finished),
        () -> assertEquals(1, ringer.skipped()),
        () -> assertEquals(1, ringer.played()),
        () -> assertEquals(List.of(Pitch.parse("D4")), rung.stream().map(Rung::pitch).toList()));
  }

  @Test
  void start_playerFailsOnOneBell_ringsTheRest() throws Exception {
    BellPlayer player = pitch -> {
      if (pitch.equals(Pitch.parse("C4"))) {
        throw new IllegalStateException("cracked bell");
      }
      recorder.ring(pitch);
    };
    double t = clock.nowMs();
    List<BellStrike> song = List.of(strike("C4", t + 20), strike("D4", t + 150));

    ConsoleRinger ringer = ConsoleRinger.start(song, clock, player);
    boolean finished = ringer.awaitFinished(5, TimeUnit.SECONDS);

    assertAll(
        () -> assertTrue(finished),
        () -> assertEquals(1, ringer.played()),
        () -> assertEquals(List.of(Pitch.parse("D4")), rung.stream().map(Rung::pitch).toList()));
  }

  @Test
  void start_emptySong_finishesAtOnce() throws Exception {
    ConsoleRinger ringer = ConsoleRinger.start(List.of(), clock, recorder);

    assertTrue(ringer.awaitFinished(1, TimeUnit.SECONDS));
  }

  @Test
  void start_longGapBetweenBells_threadSleepsInsteadOfSpinning() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double t = clock.nowMs();
    List<BellStrike> song = List.of(strike("C4", t + 20), strike("D4", t + 620));

    ConsoleRinger ringer = ConsoleRinger.start(song, clock, recorder);
    Thread.sleep(100);
    Thread ringerThread = Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("peal-console-ringer") && thread.isAlive())
        .findFirst()
        .orElseThrow();
    long cpuBefore = threads.getThreadCpuTime(ringerThread.getId());
    Thread.sleep(400);
    long cpuDuring = threads.getThreadCpuTime(ringerThread.getId()) - cpuBefore;
    boolean finished = ringer.awaitFinished(5, TimeUnit.SECONDS);

    assertAll(
        () -> assertTrue(finished),
        () -> assertEquals(2, ringer.played()),
        () -> assertTrue(cpuDuring < TimeUnit.MILLISECONDS.toNanos(20),
            "ringer used " + cpuDuring / 1e6 + " ms of CPU in 400 ms waiting"));
  }

  private static BellStrike strike(String pitch, double atMs) {
    return new BellStrike(Pitch.parse(pitch), atMs);
  }
}
