package app.peal.music;


/**
 * One bell's pitch as a MIDI note number, written in scientific pitch notation ("C4" is middle C,
 * MIDI 60). Accidentals are spelled as sharps, which is how handbell sets are labelled.
 */
public record Pitch(int midi) implements Comparable<Pitch> {
  private static final String[] SHARP_NAMES =
      {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  private static final int[] NATURAL_STEPS = {9, 11, 0, 2, 4, 5, 7}; // A..G from C

  public Pitch {
    if (midi < 0 || midi > 127) {
      throw new IllegalArgumentException("midi note " + midi + " is outside 0..127");
    }
  }

  /**
   * Parses "C4", "c#5", "Bb3", "F♯4", "E♭5". Flats are accepted and stored as the enharmonic
   * sharp.
   */
  public static Pitch parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.length() < 2) {
      throw new IllegalArgumentException(
          "pitch '" + text + "' is not a note name such as C4, F#5 or Bb3");
    }
    char letter = Character.toUpperCase(s.charAt(0));
    if (letter < 'A' || letter > 'G') {
      throw new IllegalArgumentException(
          "pitch '" + text + "' must start with a letter A to G, as in C4, F#5 or Bb3");
    }
    int step = NATURAL_STEPS[letter - 'A'];
    int i = 1;
    while (i < s.length() && "#♯b♭".indexOf(s.charAt(i)) >= 0) {
      step += (s.charAt(i) == '#' || s.charAt(i) == '♯') ? 1 : -1;
      i++;
    }
    int octave;
    try {
      octave = Integer.parseInt(s.substring(i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "pitch '" + text + "' needs an octave number after the letter, as in C4 or Bb3", e);
    }
    int midi = (octave + 1) * 12 + step;
    if (midi < 0 || midi > 127) {
      throw new IllegalArgumentException("pitch '" + text + "' is outside the MIDI range");
    }
    return new Pitch(midi);
  }

  /** Sharp spelling with ASCII '#', as used in songs and messages: "C#5". */
  public String name() {
    return SHARP_NAMES[midi % 12] + octave();
  }

  /** Spelling for people: "C♯5". */
  public String displayName() {
    return name().replace('#', '♯');
  }

  public int octave() {
    return midi / 12 - 1;
  }

  /** 0 for C up to 11 for B. */
  public int pitchClass() {
    return midi % 12;
  }

  public boolean isAccidental() {
    return SHARP_NAMES[pitchClass()].length() > 1;
  }

  /** Equal temperament, A4 = 440 Hz. */
  public double frequency() {
    return 440.0 * Math.pow(2, (midi - 69) / 12.0);
  }

  public Pitch transpose(int semitones) {
    return new Pitch(midi + semitones);
  }

  @Override
  public int compareTo(Pitch other) {
    return Integer.compare(midi, other.midi);
  }

  @Override
  public String toString() {
    return name();
  }

}
