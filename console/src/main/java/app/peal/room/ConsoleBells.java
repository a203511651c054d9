package app.peal.room;

import app.peal.game.ScheduledNote;
import app.peal.music.Pitch;
import java.util.List;
import java.util.function.Predicate;

/** Rings the console's own bells at instants of the room clock. */
public interface ConsoleBells {
  /** Makes no sound; for tests and headless runs without audio. */
  ConsoleBells SILENT = (notes, ringNow) -> () -> {};

  /**
   * Schedules every note; at a note's instant its bell sounds only if {@code ringNow} accepts
   * the pitch then (the console covers bells nobody holds, or whose ringers dropped out).
   *
   * @return cancels the notes not yet played
   */
  Runnable schedule(List<ScheduledNote> notes, Predicate<Pitch> ringNow);
}
