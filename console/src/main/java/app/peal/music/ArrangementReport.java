package app.peal.music;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how {@link BellAssigner} shares out songs: for each song and player count, the fewest
 * and most notes a ringer rings, the shortest time any ringer has to change bells, and the
 * notes left to the console. ArrangementReportTest keeps the table in docs/songs.md in step
 * with the assigner, and rewrites it when asked (see docs/songs.md).
 */
public final class ArrangementReport {
  static final int FEWEST_PLAYERS = 2;
  static final int MOST_PLAYERS = 12;

  /** One song shared among one number of players. */
  record Row(long fewestNotes, long mostNotes, double shortestSwapMs, long consoleNotes) {
    String cell() {
      String swap = Double.isInfinite(shortestSwapMs)
          ? "–" : Long.toString((long) Math.floor(shortestSwapMs));
      return fewestNotes + "–" + mostNotes + " · " + swap + " · " + consoleNotes;
    }
  }

  private ArrangementReport() {}

  static Row measure(Song song, int players) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= players; i++) {
      ids.add("p" + i);
    }
    BellAssignment assignment = BellAssigner.assign(song, ids);

    Map<String, List<SongNote>> dealt = dealt(song, assignment);
    long fewest = Long.MAX_VALUE;
    long most = 0;
    double shortest = Double.POSITIVE_INFINITY;
    for (String id : assignment.players()) {
      List<SongNote> notes = dealt.getOrDefault(id, List.of());
      fewest = Math.min(fewest, notes.size());
      most = Math.max(most, notes.size());
      shortest = Math.min(shortest, shortestSwapMs(notes, song));
    }
    long console = song.notes().stream()
        .filter(n -> assignment.consoleBells().contains(n.pitch())).count();
    return new Row(fewest == Long.MAX_VALUE ? 0 : fewest, most, shortest, console);
  }

  /** Each ringer's notes, dealt as the room deals them (a doubled bell's notes in turn). */
  static Map<String, List<SongNote>> dealt(Song song, BellAssignment assignment) {
    Map<String, List<SongNote>> dealt = new HashMap<>();
    Map<Pitch, Integer> occurrences = new HashMap<>();
    for (SongNote note : song.notes()) {
      int occurrence = occurrences.merge(note.pitch(), 1, Integer::sum) - 1;
      assignment.ringerOf(note.pitch(), occurrence).ifPresent(
          id -> dealt.computeIfAbsent(id, k -> new ArrayList<>()).add(note));
    }
    return dealt;
  }

  /** The shortest swap for a ringer who rang every note of {@code bells}. */
  static double shortestSwapMs(Song song, Collection<Pitch> bells) {
    return shortestSwapMs(song.notes().stream().filter(n -> bells.contains(n.pitch())).toList(),
        song);
  }

  /** The shortest time between one bell's note and another bell's, in one ringer's notes. */
  static double shortestSwapMs(List<SongNote> notes, Song song) {
    double shortest = Double.POSITIVE_INFINITY;
    SongNote last = null;
    for (SongNote note : notes) {
      if (last != null && !last.pitch().equals(note.pitch())) {
        shortest = Math.min(shortest, song.msAt(note.beat()) - song.msAt(last.beat()));
      }
      last = note;
    }
    return shortest;
  }

  /** A Markdown table: a row per song, a column per player count. */
  static String table(List<Song> songs) {
    StringBuilder table = new StringBuilder("| song | notes | bells |");
    StringBuilder rule = new StringBuilder("|---|---:|---:|");
    for (int players = FEWEST_PLAYERS; players <= MOST_PLAYERS; players++) {
      table.append(' ').append(players).append(" players |");
      rule.append("---|");
    }
    table.append('\n').append(rule).append('\n');
    for (Song song : songs) {
      table.append(String.format(Locale.ROOT, "| %s | %d | %d |", song.id(),
          song.notes().size(), song.pitches().size()));
      for (int players = FEWEST_PLAYERS; players <= MOST_PLAYERS; players++) {
        table.append(' ').append(measure(song, players).cell()).append(" |");
      }
      table.append('\n');
    }
    return table.toString();
  }
}
