package app.peal.room;

import app.peal.game.ScheduledNote;
import java.util.List;
import java.util.function.Predicate;

/** Rings the console's own bells at instants of the room clock. */
public interface ConsoleBells {
  /** Makes no sound; for tests and headless runs without audio. */
  ConsoleBells SILENT = (notes, ringNow) -> () -> {};

  /**
   * Schedules every note; at a note's instant its bell sounds only if {@code ringNow} accepts
   * the note then (the console covers notes nobody was dealt, or whose ringer dropped out).
   *
   * @return cancels the notes not yet played
   */
  Runnable schedule(List<ScheduledNote> notes, Predicate<ScheduledNote> ringNow);
}
