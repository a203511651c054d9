package app.peal.music;

/**
 * One note of a song: a bell to ring at a beat position (counted in beats of the time signature's
 * unit from the start of the song, pickup included), lasting some beats.
 */
public record SongNote(int index, Pitch pitch, double beat, double beats) {
  public SongNote {
    if (beat < 0) {
      throw new IllegalArgumentException("note " + index + " starts at negative beat " + beat);
    }
    if (!(beats > 0)) {
      throw new IllegalArgumentException("note " + index + " has non-positive length " + beats);
    }
  }
}
