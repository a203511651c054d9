package app.peal.music;

import java.util.List;

/**
 * What a standard MIDI file holds once its events are paired into notes: the lines of music (one
 * per track and channel), the tempo map and the time signatures. Ticks stay ticks here; {@link
 * #msAt} turns them into milliseconds, honouring every tempo change.
 */
record MidiScore(
    String title,
    String copyright,
    int ticksPerQuarter,
    List<Tempo> tempi,
    List<TimeSignature> signatures,
    List<Line> lines) {

  /** Channel 10, counted from 1 as musicians do, is General MIDI's drum kit. */
  static final int DRUM_CHANNEL = 9;
  static final long MICROS_PER_QUARTER_DEFAULT = 500_000;

  /** From {@code tick} on, a quarter note lasts {@code microsPerQuarter}. */
  record Tempo(long tick, long microsPerQuarter) {}

  /** From {@code tick} on, bars of {@code beatsPerBar} beats of 1/{@code beatUnit}. */
  record TimeSignature(long tick, int beatsPerBar, int beatUnit) {}

  /** One note as the file plays it: a key held from one tick to another. */
  record Note(int key, long startTick, long endTick, int velocity) {}

  /** The notes one track plays on one channel, in order of start. */
  record Line(int track, int channel, String name, int program, List<Note> notes) {
    boolean isDrums() {
      return channel == DRUM_CHANNEL;
    }

    /** "track 2 'Melody' channel 1", as messages name a line. */
    String label() {
      String named = name.isBlank() ? "" : " '" + name + "'";
      return "track " + (track + 1) + named + " channel " + (channel + 1);
    }
  }

  MidiScore {
    tempi = List.copyOf(tempi);
    signatures = List.copyOf(signatures);
    lines = List.copyOf(lines);
  }

  /** Milliseconds from tick 0 to {@code tick}, stepping through the tempo changes before it. */
  double msAt(long tick) {
    double micros = 0;
    long from = 0;
    long perQuarter = MICROS_PER_QUARTER_DEFAULT;
    for (Tempo tempo : tempi) {
      if (tempo.tick() >= tick) {
        break;
      }
      micros += (double) (tempo.tick() - from) * perQuarter / ticksPerQuarter;
      from = tempo.tick();
      perQuarter = tempo.microsPerQuarter();
    }
    micros += (double) (tick - from) * perQuarter / ticksPerQuarter;
    return micros / 1000.0;
  }

  /** The quarter note's length in microseconds at {@code tick}. */
  long microsPerQuarterAt(long tick) {
    long perQuarter = MICROS_PER_QUARTER_DEFAULT;
    for (Tempo tempo : tempi) {
      if (tempo.tick() > tick) {
        break;
      }
      perQuarter = tempo.microsPerQuarter();
    }
    return perQuarter;
  }

  /** The time signature in force at {@code tick}; 4/4 when the file names none. */
  TimeSignature signatureAt(long tick) {
    TimeSignature current = new TimeSignature(0, 4, 4);
    for (TimeSignature signature : signatures) {
      if (signature.tick() > tick) {
        break;
      }
      current = signature;
    }
    return current;
  }

  /** The first bar line after {@code tick}, bars restarting at every time signature. */
  long nextBarLine(long tick) {
    long barStart = 0;
    TimeSignature signature = new TimeSignature(0, 4, 4);
    int next = 0;
    while (true) {
      while (next < signatures.size() && signatures.get(next).tick() <= barStart) {
        signature = signatures.get(next);
        barStart = Math.max(barStart, signature.tick());
        next++;
      }
      long barEnd = barStart + barTicks(signature);
      if (next < signatures.size() && signatures.get(next).tick() < barEnd) {
        barEnd = signatures.get(next).tick();
      }
      if (barEnd > tick) {
        return barEnd;
      }
      barStart = barEnd;
    }
  }

  long barTicks(TimeSignature signature) {
    return (long) ticksPerQuarter * 4 * signature.beatsPerBar() / signature.beatUnit();
  }
}
