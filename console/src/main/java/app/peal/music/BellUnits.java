package app.peal.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A song's bells grouped into ringers' units, lowest first, with what the assigner needs to know
 * of them: how many notes each unit rings and which bells are struck too close together for one
 * ringer. A sharp joins the natural below it, or the natural above when the song lacks the one
 * below; a sharp struck within {@link Ringing#SWAP_MS} of its natural stays a unit alone.
 */
final class BellUnits {
  private final List<List<Pitch>> bells = new ArrayList<>();
  private final List<Long> notes = new ArrayList<>();
  private final boolean[][] clash;
  private final long totalNotes;

  private BellUnits(SortedMap<Pitch, Long> notesPerPitch, Conflicts conflicts) {
    SortedMap<Integer, List<Pitch>> byNatural = new TreeMap<>();
    for (Pitch pitch : notesPerPitch.keySet()) {
      if (!pitch.isAccidental()) {
        byNatural.computeIfAbsent(pitch.midi(), k -> new ArrayList<>()).add(pitch);
      }
    }
    for (Pitch pitch : notesPerPitch.keySet()) {
      if (pitch.isAccidental()) {
        byNatural.computeIfAbsent(home(pitch, notesPerPitch, conflicts), k -> new ArrayList<>())
            .add(pitch);
      }
    }
    long total = 0;
    for (List<Pitch> unit : byNatural.values()) {
      unit.sort(null);
      long count = unit.stream().mapToLong(notesPerPitch::get).sum();
      bells.add(List.copyOf(unit));
      notes.add(count);
      total += count;
    }
    totalNotes = total;

    clash = new boolean[bells.size()][bells.size()];
    for (int a = 0; a < bells.size(); a++) {
      for (int b = 0; b < bells.size(); b++) {
        for (Pitch x : bells.get(a)) {
          for (Pitch y : bells.get(b)) {
            clash[a][b] |= a != b && conflicts.clash(x, y);
          }
        }
      }
    }
  }

  static BellUnits of(Song song) {
    SortedMap<Pitch, Long> notesPerPitch = new TreeMap<>();
    for (SongNote note : song.notes()) {
      notesPerPitch.merge(note.pitch(), 1L, Long::sum);
    }
    return new BellUnits(notesPerPitch, Conflicts.of(song));
  }

  /** The natural whose unit a sharp joins, or the sharp's own number to stand alone. */
  private static int home(Pitch sharp, Map<Pitch, Long> notesPerPitch, Conflicts conflicts) {
    Pitch below = sharp.transpose(-1);
    if (notesPerPitch.containsKey(below)) {
      return conflicts.clash(sharp, below) ? sharp.midi() : below.midi();
    }
    Pitch above = sharp.transpose(1);
    if (notesPerPitch.containsKey(above) && !conflicts.clash(sharp, above)) {
      return above.midi();
    }
    return sharp.midi();
  }

  int size() {
    return bells.size();
  }

  List<Pitch> bells(int unit) {
    return bells.get(unit);
  }

  long notes(int unit) {
    return notes.get(unit);
  }

  long totalNotes() {
    return totalNotes;
  }

  /** Whether one player can ring these units (ascending indices) together. */
  boolean ringable(List<Integer> units, int maxUnits) {
    if (units.size() > maxUnits) {
      return false;
    }
    int count = 0;
    for (int u : units) {
      count += bells.get(u).size();
    }
    Pitch low = bells.get(units.get(0)).get(0);
    List<Pitch> top = bells.get(units.get(units.size() - 1));
    if (count > BellAssigner.MAX_BELLS_PER_PLAYER
        || top.get(top.size() - 1).midi() - low.midi() > BellAssigner.MAX_SPAN) {
      return false;
    }
    for (int i = 0; i < units.size(); i++) {
      for (int j = i + 1; j < units.size(); j++) {
        if (clash[units.get(i)][units.get(j)]) {
          return false;
        }
      }
    }
    return true;
  }

  /** Which pairs of bells are ever struck within {@link Ringing#SWAP_MS} of each other. */
  static final class Conflicts {
    private final boolean[][] close = new boolean[128][128];

    static Conflicts of(Song song) {
      Conflicts conflicts = new Conflicts();
      List<SongNote> notes = song.notes();
      for (int i = 0; i < notes.size(); i++) {
        double at = song.msAt(notes.get(i).beat());
        for (int j = i + 1; j < notes.size(); j++) {
          if (song.msAt(notes.get(j).beat()) - at >= Ringing.SWAP_MS) {
            break;
          }
          int a = notes.get(i).pitch().midi();
          int b = notes.get(j).pitch().midi();
          conflicts.close[a][b] = a != b;
          conflicts.close[b][a] = a != b;
        }
      }
      return conflicts;
    }

    boolean clash(Pitch a, Pitch b) {
      return close[a.midi()][b.midi()];
    }
  }
}
