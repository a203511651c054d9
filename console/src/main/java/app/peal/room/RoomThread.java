package app.peal.room;

import app.peal.sync.RoomClock;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The room's one thread: every change to the room's state runs here, in order, so the room
 * itself needs no locks. Work comes from phones (queued), from the host (queued and waited for)
 * and from timers set on the room clock.
 */
final class RoomThread implements AutoCloseable {
  private static final String NAME = "peal-room";
  private static final long CALL_TIMEOUT_S = 10;
  private static final System.Logger LOG = System.getLogger(RoomThread.class.getName());

  private final RoomClock clock;
  private final ScheduledExecutorService executor;

  RoomThread(RoomClock clock) {
    this.clock = clock;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, NAME);
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues {@code task}; a failure is logged, never thrown at the phone that caused it. */
  void execute(Runnable task) {
    executor.execute(guarded(task));
  }

  /** Runs {@code task} at the room-clock instant {@code atMs} (at once if it has passed). */
  ScheduledFuture<?> at(double atMs, Runnable task) {
    long micros = Math.max(0, Math.round((atMs - clock.nowMs()) * 1000));
    return executor.schedule(guarded(task), micros, TimeUnit.MICROSECONDS);
  }

  ScheduledFuture<?> after(long delayMs, Runnable task) {
    return executor.schedule(guarded(task), delayMs, TimeUnit.MILLISECONDS);
  }

  ScheduledFuture<?> every(long periodMs, Runnable task) {
    return executor.scheduleWithFixedDelay(guarded(task), periodMs, periodMs,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code work} here and waits for it, so the host sees its exceptions; called from the
   * room's own thread (a listener reacting to the room), it runs at once.
   */
  <T> T call(Callable<T> work) {
    if (Thread.currentThread().getName().equals(NAME)) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("room task failed", e);
      }
    }
    try {
      return executor.submit(work).get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("room task failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the room", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the room did not answer within " + CALL_TIMEOUT_S + " s", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "room task failed", e);
      }
    };
  }
}
