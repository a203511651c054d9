package app.peal.music;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns a standard MIDI file into a {@link Song} the bells can play. By default only the tune is
 * kept: the line that carries the melody (see {@link MelodyFinder}), its top note where it plays
 * chords. With harmony, each melody note may gain up to {@link Ringing#MAX_CHORD} - 1 bells from
 * the notes other lines start with it. Everything is folded into the bell range by octaves, and
 * notes no person could ring are dropped: a grace note crowding the next, and a bell struck again
 * sooner than {@link Ringing#REPEAT_MS}. Times honour every tempo change; the song's beat is the
 * time signature's unit at the tempo where the music starts.
 */
public final class MidiImport {
  /** Notes starting this close together are one chord, as a human player strikes it. */
  static final double CHORD_WINDOW_MS = 30;
  /** A melody note this close to the next is an ornament; the longer of the two stays. */
  static final double GRACE_MS = 100;
  static final String UNKNOWN_COMPOSER = "Unknown";

  /** A note on its way to the song, timed in ms from the file's start. */
  private record Timed(int key, long startTick, double startMs, double endMs) {}

  private MidiImport() {}

  /**
   * @param harmony false for the tune alone, true to add chords under it
   * @throws MidiImportException naming the file when it cannot be read or has nothing to ring
   */
  public static Song read(Path file, boolean harmony) throws MidiImportException {
    return toSong(file, MidiReader.read(file), harmony);
  }

  static Song toSong(Path file, MidiScore score, boolean harmony) throws MidiImportException {
    List<MidiScore.Line> tuned = score.lines().stream()
        .filter(l -> !l.isDrums() && !l.notes().isEmpty()).toList();
    if (tuned.isEmpty()) {
      boolean drums = score.lines().stream().anyMatch(l -> !l.notes().isEmpty());
      throw new MidiImportException(file, drums
          ? "holds only drums (channel 10); the bells need a tune on another channel"
          : "holds no notes");
    }

    MidiScore.Line melodyLine = MelodyFinder.melody(tuned);
    List<Timed> melody = new ArrayList<>();
    List<Timed> others = new ArrayList<>();
    splitTopNotes(score, melodyLine, melody, others);
    if (harmony) {
      for (MidiScore.Line line : tuned) {
        if (line != melodyLine) {
          line.notes().forEach(n -> others.add(timed(score, n)));
        }
      }
    }
    melody = withoutGraceNotes(melody);

    Timing timing = Timing.at(file, score, melody.get(0).startTick());
    int shift = octaveShift(melody);
    List<Timed> chosen = new ArrayList<>();
    for (Timed note : melody) {
      chosen.add(fold(note, shift));
      if (harmony) {
        chosen.addAll(harmonyUnder(note, others, shift));
      }
    }
    List<SongNote> notes = ringable(chosen, timing);

    return new Song(idFor(file), titleFor(file, score),
        score.copyright().isBlank() ? UNKNOWN_COMPOSER : score.copyright(), timing.bpm(),
        timing.beatsPerBar(), timing.beatUnit(), timing.pickupBeats(), notes);
  }

  /** "Silent_Night (2).mid" becomes "silent-night-2". */
  public static String idFor(Path file) {
    String base = file.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
    String id = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "midi-song" : id;
  }

  /** The file's own title, else its name in words: "o_little_town.mid" is "O Little Town". */
  private static String titleFor(Path file, MidiScore score) {
    if (!score.title().isBlank()) {
      return score.title();
    }
    String base = file.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
    StringBuilder title = new StringBuilder();
    for (String word : base.replaceAll("[_\\-]+", " ").trim().split("\\s+")) {
      if (!word.isEmpty()) {
        title.append(title.length() > 0 ? " " : "")
            .append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return title.length() == 0 ? "Imported song" : title.toString();
  }

  private static Timed timed(MidiScore score, MidiScore.Note note) {
    double start = score.msAt(note.startTick());
    double end = score.msAt(Math.max(note.endTick(), note.startTick() + 1));
    return new Timed(note.key(), note.startTick(), start, end);
  }

  /** The line's highest note at each onset is the tune; the notes under it are harmony. */
  private static void splitTopNotes(
      MidiScore score, MidiScore.Line line, List<Timed> top, List<Timed> under) {
    List<Timed> chord = new ArrayList<>();
    for (MidiScore.Note note : line.notes()) {
      Timed next = timed(score, note);
      if (!chord.isEmpty() && next.startMs() - chord.get(0).startMs() > CHORD_WINDOW_MS) {
        takeTop(chord, top, under);
      }
      chord.add(next);
    }
    takeTop(chord, top, under);
  }

  private static void takeTop(List<Timed> chord, List<Timed> top, List<Timed> under) {
    Timed highest = chord.stream().max(Comparator.comparingInt(Timed::key)).orElseThrow();
    double onset = chord.get(0).startMs();
    top.add(new Timed(highest.key(), chord.get(0).startTick(), onset, highest.endMs()));
    for (Timed note : chord) {
      if (note != highest) {
        under.add(note);
      }
    }
    chord.clear();
  }

  private static List<Timed> withoutGraceNotes(List<Timed> melody) {
    List<Timed> kept = new ArrayList<>();
    for (Timed note : melody) {
      Timed last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      if (last != null && note.startMs() - last.startMs() < GRACE_MS) {
        if (note.endMs() - note.startMs() > last.endMs() - last.startMs()) {
          kept.set(kept.size() - 1, note);
        }
        continue;
      }
      kept.add(note);
    }
    return kept;
  }

  /** Whole octaves that bring the most of the tune into the bell range, the fewest on a tie. */
  private static int octaveShift(List<Timed> melody) {
    int best = 0;
    long bestInside = -1;
    for (int octaves : new int[] {0, 1, -1, 2, -2, 3, -3, 4, -4}) {
      int semitones = octaves * 12;
      long inside = melody.stream().filter(n -> inRange(n.key() + semitones)).count();
      if (inside > bestInside) {
        best = semitones;
        bestInside = inside;
      }
    }
    return best;
  }

  private static boolean inRange(int key) {
    return key >= Ringing.LOWEST.midi() && key <= Ringing.HIGHEST.midi();
  }

  private static Timed fold(Timed note, int shift) {
    int key = note.key() + shift;
    while (key < Ringing.LOWEST.midi()) {
      key += 12;
    }
    while (key > Ringing.HIGHEST.midi()) {
      key -= 12;
    }
    return new Timed(key, note.startTick(), note.startMs(), note.endMs());
  }

  /** The other lines' notes struck with this melody note, highest first, as many as fit. */
  private static List<Timed> harmonyUnder(Timed melodyNote, List<Timed> others, int shift) {
    List<Timed> chord = new ArrayList<>();
    List<Timed> struck = others.stream()
        .filter(n -> Math.abs(n.startMs() - melodyNote.startMs()) <= CHORD_WINDOW_MS)
        .map(n -> fold(new Timed(n.key(), melodyNote.startTick(), melodyNote.startMs(), n.endMs()),
            shift))
        .sorted(Comparator.comparingInt(Timed::key).reversed())
        .toList();
    List<Integer> keys = new ArrayList<>(List.of(fold(melodyNote, shift).key()));
    for (Timed note : struck) {
      if (keys.size() >= Ringing.MAX_CHORD) {
        break;
      }
      if (!keys.contains(note.key())) {
        keys.add(note.key());
        chord.add(note);
      }
    }
    return chord;
  }

  /** Drops a bell struck again too soon, cuts notes at the bell's next strike, numbers them. */
  private static List<SongNote> ringable(List<Timed> notes, Timing timing) {
    List<Timed> sorted = new ArrayList<>(notes);
    sorted.sort(Comparator.comparingDouble(Timed::startMs).thenComparingInt(Timed::key));
    double[] lastStart = new double[128];
    Arrays.fill(lastStart, Double.NEGATIVE_INFINITY);
    List<Timed> kept = new ArrayList<>();
    for (Timed note : sorted) {
      if (note.startMs() - lastStart[note.key()] < Ringing.REPEAT_MS) {
        continue;
      }
      lastStart[note.key()] = note.startMs();
      kept.add(note);
    }

    List<SongNote> songNotes = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      Timed note = kept.get(i);
      double end = note.endMs();
      for (int j = i + 1; j < kept.size() && kept.get(j).startMs() < end; j++) {
        if (kept.get(j).key() == note.key()) {
          end = kept.get(j).startMs();
        }
      }
      double beat = timing.beatAt(note.startMs());
      double beats = Math.max(timing.beatAt(end) - beat, 1e-3);
      songNotes.add(new SongNote(songNotes.size(), new Pitch(note.key()), beat, beats));
    }
    return songNotes;
  }
}
