package app.peal.music;

import java.nio.file.Path;

/**
 * Where an imported song's beats fall: beat 0 is its first note, a beat is the time signature's
 * unit at the tempo in force there, and later tempo changes move the notes' beats, not the
 * tempo, so every note keeps its time in milliseconds. A first note that starts part-way into a
 * bar, or a first bar shorter than the ones after it, makes a pickup.
 */
record Timing(double startMs, double bpm, int beatsPerBar, int beatUnit, double pickupBeats) {

  static Timing at(Path file, MidiScore score, long startTick) throws MidiImportException {
    long nextBar = score.nextBarLine(startTick);
    MidiScore.TimeSignature main = score.signatureAt(nextBar);
    if (nextBar - startTick > score.barTicks(main)) {
      main = score.signatureAt(startTick);
    }
    int beatsPerBar = main.beatsPerBar();
    int beatUnit = main.beatUnit();
    if (beatsPerBar > 16 || beatUnit < 2 || beatUnit > 16) {
      // The song format counts 1 to 16 beats of a half to a sixteenth; count quarters instead.
      beatsPerBar = 4;
      beatUnit = 4;
    }
    double ticksPerBeat = score.ticksPerQuarter() * 4.0 / beatUnit;
    double pickup = (nextBar - startTick) / ticksPerBeat;
    if (pickup >= beatsPerBar - 1e-9) {
      pickup = 0;
    }

    double microsPerBeat = score.microsPerQuarterAt(startTick) * 4.0 / beatUnit;
    double bpm = 60_000_000.0 / microsPerBeat;
    if (bpm < 1 || bpm > 1000) {
      throw new MidiImportException(file, "its tempo of " + Math.round(bpm)
          + " beats a minute is outside 1 to 1000; check the file's tempo");
    }
    return new Timing(score.msAt(startTick), bpm, beatsPerBar, beatUnit, pickup);
  }

  double msPerBeat() {
    return 60_000.0 / bpm;
  }

  double beatAt(double ms) {
    return Math.max(0, (ms - startMs) / msPerBeat());
  }
}
