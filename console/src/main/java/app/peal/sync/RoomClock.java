package app.peal.sync;

/**
 * The room's one clock: fractional milliseconds on a monotonic timeline that the console starts
 * when it opens the room. Every instant in the protocol is on this clock.
 */
@FunctionalInterface
public interface RoomClock {
  double nowMs();

  /** A clock on {@link System#nanoTime()}, starting near zero now; never the wall clock. */
  static RoomClock system() {
    long origin = System.nanoTime();
    return () -> (System.nanoTime() - origin) / 1_000_000.0;
  }
}
