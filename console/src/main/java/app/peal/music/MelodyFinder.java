package app.peal.music;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks the line of a MIDI file that carries the tune. Lines with too few notes to be more than
 * a flourish are passed over. Of the rest, a line named like a melody ("Melody", "Lead",
 * "Vocal", "Soprano", "Right hand") wins; one named like an accompaniment ("Bass", "Chords",
 * "Pad", "Left hand") or played on a bass instrument loses. Otherwise the tune is the line that
 * sings highest and mostly one note at a time.
 */
final class MelodyFinder {
  private static final Pattern TUNE_NAME = Pattern.compile(
      "melod|lead|vocal|voice|tune|soprano|sing|right ?hand|\\brh\\b|solo|theme");
  private static final Pattern BACKING_NAME = Pattern.compile(
      "bass|chord|accomp|pad|strings|harmony|left ?hand|\\blh\\b|drum|perc|alto|tenor|rhythm");
  private static final int FIRST_BASS_PROGRAM = 32;
  private static final int LAST_BASS_PROGRAM = 39;
  private static final double NAME_WEIGHT = 40;
  private static final double SINGLE_NOTE_WEIGHT = 12;
  private static final double BASS_PROGRAM_PENALTY = 20;
  /** A line with fewer notes than this share of the busiest line's is a flourish, not a tune. */
  private static final double SPARSE_SHARE = 0.25;

  private MelodyFinder() {}

  /** @param lines the file's lines with notes, drums left out; at least one */
  static MidiScore.Line melody(List<MidiScore.Line> lines) {
    int busiest = lines.stream().mapToInt(l -> l.notes().size()).max().orElseThrow();
    MidiScore.Line best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (MidiScore.Line line : lines) {
      if (line.notes().size() < SPARSE_SHARE * busiest) {
        continue;
      }
      double score = score(line);
      if (score > bestScore) {
        best = line;
        bestScore = score;
      }
    }
    return best;
  }

  static double score(MidiScore.Line line) {
    List<MidiScore.Note> notes = line.notes();
    double meanKey = notes.stream().mapToInt(MidiScore.Note::key).average().orElse(0);
    double score = meanKey + SINGLE_NOTE_WEIGHT * singleNoteShare(notes);

    String name = line.name().toLowerCase(Locale.ROOT);
    if (TUNE_NAME.matcher(name).find()) {
      score += NAME_WEIGHT;
    } else if (BACKING_NAME.matcher(name).find()) {
      score -= NAME_WEIGHT;
    }
    if (line.program() >= FIRST_BASS_PROGRAM && line.program() <= LAST_BASS_PROGRAM) {
      score -= BASS_PROGRAM_PENALTY;
    }
    return score;
  }

  /** The share of notes that start while no other note of the line sounds or starts. */
  private static double singleNoteShare(List<MidiScore.Note> notes) {
    int alone = 0;
    long heldUntil = Long.MIN_VALUE;
    for (int i = 0; i < notes.size(); i++) {
      MidiScore.Note note = notes.get(i);
      boolean startsWithNext = i + 1 < notes.size()
          && notes.get(i + 1).startTick() == note.startTick();
      if (note.startTick() >= heldUntil && !startsWithNext) {
        alone++;
      }
      heldUntil = Math.max(heldUntil, note.endTick());
    }
    return (double) alone / notes.size();
  }
}
