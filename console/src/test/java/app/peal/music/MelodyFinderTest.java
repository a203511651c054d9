package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MelodyFinderTest {
  /** A line of one-beat notes on the given keys, one after another. */
  private static MidiScore.Line line(int track, String name, int program, int... keys) {
    List<MidiScore.Note> notes = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      notes.add(new MidiScore.Note(keys[i], i * 480L, i * 480L + 480, 90));
    }
    return new MidiScore.Line(track, 0, name, program, notes);
  }

  @Test
  void melody_bassProgramPlayingHigh_losesToTheTune() {
    MidiScore.Line bass = line(0, "", 33, 76, 77, 79, 81, 79, 77, 76, 74);
    MidiScore.Line tune = line(1, "", 0, 67, 69, 71, 72, 71, 69, 67, 65);

    assertEquals(tune, MelodyFinder.melody(List.of(bass, tune)));
  }

  @Test
  void melody_highFlourish_losesToTheBusyLine() {
    MidiScore.Line flourish = line(0, "", 0, 96, 98);
    MidiScore.Line tune = line(1, "", 0, 64, 65, 67, 69, 67, 65, 64, 62, 60, 62, 64);

    assertEquals(tune, MelodyFinder.melody(List.of(flourish, tune)));
  }

  @Test
  void melody_namedVoice_beatsAHigherUnnamedLine() {
    MidiScore.Line descant = line(0, "Flute", 0, 84, 86, 88, 86, 84, 83, 81, 79);
    MidiScore.Line voice = line(1, "Vocal", 0, 60, 62, 64, 62, 60, 59, 57, 55);

    assertEquals(voice, MelodyFinder.melody(List.of(descant, voice)));
  }
}
