package app.peal.sound;

import app.peal.sync.RoomClock;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Rings the bells no guest holds, each at its instant on the room clock, so the song is always
 * complete. One daemon thread sleeps until just before each instant, parks until a fraction of a
 * millisecond before it, and spins the rest, so bells land within about a millisecond without
 * keeping a core busy between them.
 *
 * <pre>{@code
 * ConsoleRinger ringer = ConsoleRinger.start(strikes, roomClock, bellSounds);
 * ...
 * ringer.cancel(); // the song was stopped
 * }</pre>
 */
public final class ConsoleRinger {
  private static final System.Logger LOG = System.getLogger(ConsoleRinger.class.getName());

  /** How long before an instant the scheduler wakes the thread. */
  static final double WAKE_EARLY_MS = 3.0;
  /** The last stretch before an instant, spun rather than parked: parking overshoots by ~0.1 ms. */
  static final double SPIN_MS = 0.3;
  /** A bell this late is left out: so far off its beat it sounds wrong rather than late. */
  static final double MAX_LATE_MS = 80;

  private final List<BellStrike> strikes;
  private final RoomClock clock;
  private final BellPlayer player;
  private final Predicate<BellStrike> wanted;
  private final ScheduledExecutorService executor;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicInteger played = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private volatile boolean cancelled;

  // Touched only on the ringer's thread.
  private int next;
  private boolean failureLogged;

  private ConsoleRinger(
      List<BellStrike> strikes, RoomClock clock, BellPlayer player, Predicate<BellStrike> wanted) {
    this.strikes = strikes;
    this.clock = clock;
    this.player = player;
    this.wanted = wanted;
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "peal-console-ringer");
      thread.setDaemon(true);
      return thread;
    });
    pool.setRemoveOnCancelPolicy(true);
    this.executor = pool;
  }

  /**
   * Starts ringing {@code strikes} (bells at room-clock ms instants, in any order; equal instants
   * ring in list order) through {@code player}. Returns at once.
   */
  public static ConsoleRinger start(List<BellStrike> strikes, RoomClock clock, BellPlayer player) {
    return start(strikes, clock, player, strike -> true);
  }

  /**
   * Like {@link #start(List, RoomClock, BellPlayer)}, but each bell sounds only if
   * {@code wanted} still accepts its strike at its instant (its ringer may have dropped out).
   */
  public static ConsoleRinger start(List<BellStrike> strikes, RoomClock clock, BellPlayer player,
      Predicate<BellStrike> wanted) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(player, "player");
    Objects.requireNonNull(wanted, "wanted");
    List<BellStrike> sorted = new ArrayList<>(strikes);
    sorted.sort(Comparator.comparingDouble(BellStrike::atMs));

    ConsoleRinger ringer = new ConsoleRinger(List.copyOf(sorted), clock, player, wanted);
    ringer.executor.execute(ringer::ringDue);
    return ringer;
  }

  /** Stops every bell not already ringing. Safe to call from any thread, more than once. */
  public void cancel() {
    cancelled = true;
    executor.shutdownNow();
    finished.countDown();
  }

  /** Waits until every bell has rung or been skipped, or the ringer was cancelled. */
  public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
    return finished.await(timeout, unit);
  }

  public boolean isFinished() {
    return finished.getCount() == 0;
  }

  /** Bells handed to the player so far. */
  public int played() {
    return played.get();
  }

  /** Bells left out because their turn came more than {@link #MAX_LATE_MS} late. */
  public int skipped() {
    return skipped.get();
  }

  private void ringDue() {
    while (!cancelled && next < strikes.size()) {
      BellStrike strike = strikes.get(next);
      double untilMs = strike.atMs() - clock.nowMs();
      if (untilMs > WAKE_EARLY_MS) {
        // Re-checked on waking, so a room clock that runs at another rate only costs a wake-up.
        long delayNanos = (long) ((untilMs - WAKE_EARLY_MS) * 1_000_000);
        try {
          executor.schedule(this::ringDue, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // cancel() shut the executor down between the check above and now: nothing to do.
        }
        return;
      }

      waitUntil(strike.atMs());
      if (cancelled) {
        return;
      }
      if (clock.nowMs() - strike.atMs() > MAX_LATE_MS) {
        skipped.incrementAndGet();
      } else if (wanted.test(strike)) {
        ring(strike);
      }
      next++;
    }
    executor.shutdown();
    finished.countDown();
  }

  private void waitUntil(double atMs) {
    double remaining = atMs - clock.nowMs();
    while (remaining > 0 && !cancelled) {
      if (remaining > SPIN_MS) {
        LockSupport.parkNanos((long) ((remaining - SPIN_MS) * 1_000_000));
      } else {
        Thread.onSpinWait();
      }
      remaining = atMs - clock.nowMs();
    }
  }

  private void ring(BellStrike strike) {
    try {
      player.ring(strike.pitch());
      played.incrementAndGet();
    } catch (RuntimeException e) {
      // One broken bell must not silence the rest of the song, nor flood the log every beat.
      if (!failureLogged) {
        failureLogged = true;
        // Logging first in a JVM can take tens of ms; the next bell must not wait for it.
        ForkJoinPool.commonPool().execute(() -> LOG.log(Level.WARNING,
            "a console bell failed to ring; later failures in this song are not logged", e));
      }
    }
  }
}
