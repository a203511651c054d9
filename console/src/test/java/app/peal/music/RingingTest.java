package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RingingTest {
  private static Song song(double bpm, SongNote... notes) {
    return new Song("t", "T", "Test", bpm, 4, 4, List.of(notes));
  }

  private static SongNote note(int index, String pitch, double beat) {
    return new SongNote(index, Pitch.parse(pitch), beat, 0.25);
  }

  @Test
  void shortestRepeatMs_bellStruckAgain_isTheClosestPair() {
    Song song = song(120, note(0, "C4", 0), note(1, "D4", 0.25), note(2, "C4", 0.5),
        note(3, "C4", 1.5));

    assertEquals(250, Ringing.shortestRepeatMs(song), 1e-9);
  }

  @Test
  void shortestRepeatMs_noBellRepeats_isInfinite() {
    Song song = song(120, note(0, "C4", 0), note(1, "D4", 0.25));

    assertEquals(Double.POSITIVE_INFINITY, Ringing.shortestRepeatMs(song));
  }

  @Test
  void largestChord_threeAtOnce_isThree() {
    Song song = song(100, note(0, "C4", 0), note(1, "E4", 0), note(2, "G4", 0),
        note(3, "C5", 1), note(4, "E5", 1));

    assertEquals(3, Ringing.largestChord(song));
  }
}
