package app.peal.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shares a song's bells among players the way a handbell choir does. A ringer's unit is a
 * natural bell with its sharp (C with C#); a sharp whose natural the song never plays is a unit
 * alone. With enough players each holds one unit and the extra players double the busiest
 * units. With fewer, the units in pitch order are cut into one run per player, balancing the
 * notes each rings, at most {@value #MAX_BELLS_PER_PLAYER} bells a player; bells nobody can
 * hold, the least played first, are rung by the console. The same song and players always give
 * the same assignment.
 */
public final class BellAssigner {
  /** Two in each hand: more than that cannot be rung in time from a phone. */
  public static final int MAX_BELLS_PER_PLAYER = 4;

  /** One ringer's share: a natural and its sharp, whichever of them the song plays. */
  private record Unit(List<Pitch> bells, long notes) {}

  private BellAssigner() {}

  /** @param playerIds the players in the order they joined */
  public static BellAssignment assign(Song song, List<String> playerIds) {
    Set<String> seen = new HashSet<>();
    for (String id : playerIds) {
      if (id == null) {
        throw new IllegalArgumentException("player ids must not be null: " + playerIds);
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "player id '" + id + "' is listed twice; each player needs a unique id");
      }
    }

    SortedMap<Pitch, Long> notesPerPitch = new TreeMap<>();
    for (SongNote note : song.notes()) {
      notesPerPitch.merge(note.pitch(), 1L, Long::sum);
    }
    List<Unit> units = units(notesPerPitch, notesPerPitch.keySet());
    Map<String, List<Pitch>> bells = new LinkedHashMap<>();
    if (playerIds.size() >= units.size()) {
      oneUnitEach(units, playerIds, bells);
    } else if (!playerIds.isEmpty()) {
      Set<Pitch> held = holdable(notesPerPitch, playerIds.size());
      splitRuns(units(notesPerPitch, held), playerIds, bells);
    }
    return new BellAssignment(song.pitches(), bells, Set.of());
  }

  private static List<Unit> units(Map<Pitch, Long> notesPerPitch, Set<Pitch> pitches) {
    SortedMap<Integer, List<Pitch>> byNatural = new TreeMap<>();
    for (Pitch pitch : new TreeSet<>(pitches)) {
      int natural = pitch.isAccidental() ? pitch.midi() - 1 : pitch.midi();
      byNatural.computeIfAbsent(natural, key -> new ArrayList<>()).add(pitch);
    }
    List<Unit> units = new ArrayList<>();
    for (List<Pitch> bells : byNatural.values()) {
      long notes = 0;
      for (Pitch bell : bells) {
        notes += notesPerPitch.get(bell);
      }
      units.add(new Unit(List.copyOf(bells), notes));
    }
    return units;
  }

  private static void oneUnitEach(
      List<Unit> units, List<String> playerIds, Map<String, List<Pitch>> bells) {
    int[] ringers = new int[units.size()];
    for (int p = 0; p < playerIds.size(); p++) {
      int unit = p;
      if (p >= units.size()) {
        // The extra player joins the unit with the most notes per ringer; ties go low.
        unit = 0;
        for (int u = 1; u < units.size(); u++) {
          if (units.get(u).notes() * ringers[unit] > units.get(unit).notes() * ringers[u]) {
            unit = u;
          }
        }
      }
      ringers[unit]++;
      bells.put(playerIds.get(p), units.get(unit).bells());
    }
  }

  /** The pitches the players can hold; the rest, the least played first, go to the console. */
  private static Set<Pitch> holdable(SortedMap<Pitch, Long> notesPerPitch, int players) {
    List<Pitch> leastPlayedFirst = new ArrayList<>(notesPerPitch.keySet());
    leastPlayedFirst.sort(Comparator.comparing((Pitch p) -> notesPerPitch.get(p))
        .thenComparing(p -> !p.isAccidental())
        .thenComparing(Comparator.reverseOrder()));

    Set<Pitch> held = new TreeSet<>(notesPerPitch.keySet());
    List<Pitch> given = new ArrayList<>();
    for (Pitch pitch : leastPlayedFirst) {
      if (runsNeeded(units(notesPerPitch, held)) <= players) {
        break;
      }
      held.remove(pitch);
      given.add(pitch);
    }
    // Taking one bell away does not always shorten the runs, so take back what still fits.
    for (int i = given.size() - 1; i >= 0; i--) {
      held.add(given.get(i));
      if (runsNeeded(units(notesPerPitch, held)) > players) {
        held.remove(given.get(i));
      }
    }
    return held;
  }

  /** The fewest runs of whole units, in pitch order, that keep every run within the limit. */
  private static int runsNeeded(List<Unit> units) {
    int runs = 0;
    int room = 0;
    for (Unit unit : units) {
      if (unit.bells().size() > room) {
        runs++;
        room = MAX_BELLS_PER_PLAYER;
      }
      room -= unit.bells().size();
    }
    return runs;
  }

  /**
   * Cuts the units into one run per player, minimising the sum of squared note counts per
   * player, which keeps the busiest player close to an even share.
   */
  private static void splitRuns(
      List<Unit> units, List<String> playerIds, Map<String, List<Pitch>> bells) {
    int n = units.size();
    int players = playerIds.size();
    long[] notesBefore = new long[n + 1];
    int[] bellsBefore = new int[n + 1];
    for (int i = 0; i < n; i++) {
      notesBefore[i + 1] = notesBefore[i] + units.get(i).notes();
      bellsBefore[i + 1] = bellsBefore[i] + units.get(i).bells().size();
    }

    long unreachable = Long.MAX_VALUE;
    long[][] cost = new long[players + 1][n + 1];
    int[][] cut = new int[players + 1][n + 1];
    for (long[] row : cost) {
      Arrays.fill(row, unreachable);
    }
    cost[0][0] = 0;
    for (int k = 1; k <= players; k++) {
      for (int end = k; end <= n; end++) {
        for (int start = k - 1; start < end; start++) {
          boolean fits = bellsBefore[end] - bellsBefore[start] <= MAX_BELLS_PER_PLAYER;
          if (cost[k - 1][start] == unreachable || !fits) {
            continue;
          }
          long notes = notesBefore[end] - notesBefore[start];
          long total = cost[k - 1][start] + notes * notes;
          if (total < cost[k][end]) {
            cost[k][end] = total;
            cut[k][end] = start;
          }
        }
      }
    }
    if (cost[players][n] == unreachable) {
      throw new IllegalStateException(
          n + " bell units cannot be split among " + players + " players");
    }

    int end = n;
    List<List<Pitch>> runs = new ArrayList<>();
    for (int k = players; k >= 1; k--) {
      int start = cut[k][end];
      List<Pitch> run = new ArrayList<>();
      for (Unit unit : units.subList(start, end)) {
        run.addAll(unit.bells());
      }
      runs.add(0, run);
      end = start;
    }
    for (int p = 0; p < players; p++) {
      bells.put(playerIds.get(p), runs.get(p));
    }
  }
}
