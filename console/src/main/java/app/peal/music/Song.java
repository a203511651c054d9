package app.peal.music;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A song as the bells play it: notes on a beat grid at one tempo. Notes are sorted by beat, then
 * by pitch. {@code id} is the file's base name, used to pick a song on the command line.
 * {@code pickupBeats} is the length of the bar before the first full bar (0 when the song starts
 * on a downbeat), so bar lines fall at {@code pickupBeats + k * beatsPerBar}.
 */
public record Song(
    String id,
    String title,
    String composer,
    double bpm,
    int beatsPerBar,
    int beatUnit,
    double pickupBeats,
    List<SongNote> notes) {

  public Song {
    if (!(bpm > 0)) {
      throw new IllegalArgumentException("song '" + id + "' tempo " + bpm + " must be positive");
    }
    if (!(pickupBeats >= 0 && pickupBeats < beatsPerBar)) {
      throw new IllegalArgumentException("song '" + id + "' pickup " + pickupBeats
          + " must be 0 or more and shorter than a bar of " + beatsPerBar);
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("song '" + id + "' has no notes");
    }
    notes = List.copyOf(notes);
  }

  /** A song that starts on a downbeat. */
  public Song(String id, String title, String composer, double bpm, int beatsPerBar,
      int beatUnit, List<SongNote> notes) {
    this(id, title, composer, bpm, beatsPerBar, beatUnit, 0, notes);
  }

  public double msPerBeat() {
    return 60_000.0 / bpm;
  }

  /** Milliseconds from the song's start (beat 0) to the given beat. */
  public double msAt(double beat) {
    return beat * msPerBeat();
  }

  /** From beat 0 to the end of the last-sounding note. */
  public double durationMs() {
    double end = 0;
    for (SongNote n : notes) {
      end = Math.max(end, n.beat() + n.beats());
    }
    return msAt(end);
  }

  public SortedSet<Pitch> pitches() {
    SortedSet<Pitch> set = new TreeSet<>();
    for (SongNote n : notes) {
      set.add(n.pitch());
    }
    return set;
  }
}
