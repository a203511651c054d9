package app.peal.music;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A song as the bells play it: notes on a beat grid at one tempo. Notes are sorted by beat, then
 * by pitch. {@code id} is the file's base name, used to pick a song on the command line.
 */
public record Song(
    String id,
    String title,
    String composer,
    double bpm,
    int beatsPerBar,
    int beatUnit,
    List<SongNote> notes) {

  public Song {
    if (!(bpm > 0)) {
      throw new IllegalArgumentException("song '" + id + "' tempo " + bpm + " must be positive");
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException("song '" + id + "' has no notes");
    }
    notes = List.copyOf(notes);
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
