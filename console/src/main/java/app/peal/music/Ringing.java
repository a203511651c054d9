package app.peal.music;

import java.util.Arrays;
import java.util.List;

/**
 * What a person shaking a phone can ring, in numbers the song checks, the MIDI import and the
 * bell assigner share. The figures come from a party choir of phones, not a trained handbell
 * choir: a flick of the wrist takes about a fifth of a second, and changing to another bell
 * (tapping it, then shaking) about a quarter.
 */
public final class Ringing {
  /** The shortest time between two strikes of the same bell by one ringer. */
  public static final double REPEAT_MS = 200;
  /** The shortest time one ringer needs between two different bells; at once counts too. */
  public static final double SWAP_MS = 250;
  /** The most bells struck at one instant; a fuller chord is thinned, keeping its top. */
  public static final int MAX_CHORD = 3;
  /** The bells a choir of phones can cover: C4 to C7, as in a three-octave handbell set. */
  public static final Pitch LOWEST = Pitch.parse("C4");
  public static final Pitch HIGHEST = Pitch.parse("C7");

  private Ringing() {}

  /** The shortest gap in ms between two strikes of one pitch, or infinity when none repeats. */
  public static double shortestRepeatMs(Song song) {
    double shortest = Double.POSITIVE_INFINITY;
    double[] last = new double[128];
    Arrays.fill(last, Double.NaN);
    for (SongNote note : song.notes()) {
      double at = song.msAt(note.beat());
      int midi = note.pitch().midi();
      if (!Double.isNaN(last[midi])) {
        shortest = Math.min(shortest, at - last[midi]);
      }
      last[midi] = at;
    }
    return shortest;
  }

  /** The most notes that start together (within a millisecond). */
  public static int largestChord(Song song) {
    List<SongNote> notes = song.notes();
    int largest = 0;
    int start = 0;
    for (int i = 0; i < notes.size(); i++) {
      double at = song.msAt(notes.get(i).beat());
      while (song.msAt(notes.get(start).beat()) < at - 1) {
        start++;
      }
      largest = Math.max(largest, i - start + 1);
    }
    return largest;
  }
}
