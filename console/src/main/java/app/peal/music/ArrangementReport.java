package app.peal.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    long fewest = Long.MAX_VALUE;
    long most = 0;
    double shortest = Double.POSITIVE_INFINITY;
    for (String id : assignment.players()) {
      List<Pitch> bells = assignment.bellsOf(id);
      long notes = song.notes().stream().filter(n -> bells.contains(n.pitch())).count();
      fewest = Math.min(fewest, notes);
      most = Math.max(most, notes);
      shortest = Math.min(shortest, shortestSwapMs(song, bells));
    }
    long console = song.notes().stream()
        .filter(n -> assignment.consoleBells().contains(n.pitch())).count();
    return new Row(fewest == Long.MAX_VALUE ? 0 : fewest, most, shortest, console);
  }

  /** The shortest time between one bell's note and another bell's, for one ringer's bells. */
  static double shortestSwapMs(Song song, List<Pitch> bells) {
    double shortest = Double.POSITIVE_INFINITY;
    SongNote last = null;
    for (SongNote note : song.notes()) {
      if (!bells.contains(note.pitch())) {
        continue;
      }
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
