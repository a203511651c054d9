package app.peal.music;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares a song's bells among players the way a handbell director does. A ringer's unit is a
 * natural bell with the sharp above it (C with C#), or, when the song has no such natural, the
 * natural above (F# with G). With at least as many players as units each holds one unit and the
 * extra players double the busiest units. With fewer, each player gets a few neighbouring units
 * (at most two when there are half as many players as units, at most {@value
 * #MAX_BELLS_PER_PLAYER} bells and an octave in any case), balancing the notes each rings. No
 * ringer ever holds two bells struck closer together than {@link Ringing#SWAP_MS}, a chord's
 * bells included; bells nobody can hold, the least played first, are rung by the console. The
 * same song and players always give the same assignment.
 */
public final class BellAssigner {
  /** Two in each hand: more than that cannot be rung in time from a phone. */
  public static final int MAX_BELLS_PER_PLAYER = 4;
  /** The widest a ringer's bells spread, in semitones. */
  static final int MAX_SPAN = 12;

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

    BellUnits units = BellUnits.of(song);
    Map<String, List<Pitch>> bells = new LinkedHashMap<>();
    if (playerIds.size() >= units.size()) {
      oneUnitEach(units, playerIds, bells);
    } else if (!playerIds.isEmpty()) {
      int[] owner = new RunSearch(units, playerIds.size()).best();
      for (int p = 0; p < playerIds.size(); p++) {
        List<Pitch> held = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
          if (owner[u] == p) {
            held.addAll(units.bells(u));
          }
        }
        bells.put(playerIds.get(p), held);
      }
    }
    return new BellAssignment(song.pitches(), bells, Set.of());
  }

  private static void oneUnitEach(
      BellUnits units, List<String> playerIds, Map<String, List<Pitch>> bells) {
    int[] ringers = new int[units.size()];
    for (int p = 0; p < playerIds.size(); p++) {
      int unit = p;
      if (p >= units.size()) {
        // The extra player joins the unit with the most notes per ringer; ties go low.
        unit = 0;
        for (int u = 1; u < units.size(); u++) {
          if (units.notes(u) * ringers[unit] > units.notes(unit) * ringers[u]) {
            unit = u;
          }
        }
      }
      ringers[unit]++;
      bells.put(playerIds.get(p), units.bells(unit));
    }
  }

  /**
   * Finds which player holds each unit when there are fewer players than units. Better means, in
   * order: fewer notes for the console, no player left without a bell, then the least sum of
   * squared notes per player plus a charge for every unit a player's bells skip over. The search
   * starts from the best cut of the units in pitch order into runs, improves it by moving and
   * exchanging units, then tries every way of sharing the units out, busiest first, that could
   * still beat the best so far, up to {@value #NODE_LIMIT} steps.
   */
  private static final class RunSearch {
    private static final long CONSOLE = -1;
    private static final int MAX_PASSES = 500;
    private static final int NODE_LIMIT = 400_000;
    private static final long CONSOLE_WEIGHT = 1_000_000_000_000L;
    private static final long EMPTY_WEIGHT = 10_000_000_000L;
    private final BellUnits units;
    private final int players;
    private final int maxUnits;
    private final long gapCost;

    RunSearch(BellUnits units, int players) {
      this.units = units;
      this.players = players;
      this.maxUnits = 2 * players >= units.size() ? 2 : units.size();
      long mean = units.totalNotes() / players;
      this.gapCost = Math.max(1, mean * mean / 16);
    }

    int[] best() {
      int[] start = improved(cutIntoRuns());
      Exhaustive search = new Exhaustive(start, cost(start));
      search.branch(0, 0, 0);
      return inPitchOrder(search.bestOwner);
    }

    /** Players renumbered so the first holds the lowest bells, as players expect. */
    private int[] inPitchOrder(int[] owner) {
      int[] renumber = new int[players];
      Arrays.fill(renumber, -1);
      int next = 0;
      int[] ordered = owner.clone();
      for (int u = 0; u < owner.length; u++) {
        if (owner[u] != CONSOLE) {
          if (renumber[owner[u]] < 0) {
            renumber[owner[u]] = next++;
          }
          ordered[u] = renumber[owner[u]];
        }
      }
      return ordered;
    }

    private int[] improved(int[] owner) {
      long cost = cost(owner);
      for (int pass = 0; pass < MAX_PASSES; pass++) {
        int[] bestNext = null;
        long bestCost = cost;
        for (int[] next : neighbours(owner)) {
          long nextCost = cost(next);
          if (nextCost < bestCost) {
            bestNext = next;
            bestCost = nextCost;
          }
        }
        if (bestNext == null) {
          break;
        }
        owner = bestNext;
        cost = bestCost;
      }
      return owner;
    }

    /** Every assignment one unit move or one exchange of two players' units away. */
    private List<int[]> neighbours(int[] owner) {
      List<int[]> next = new ArrayList<>();
      int n = owner.length;
      for (int u = 0; u < n; u++) {
        for (int p = -1; p < players; p++) {
          if (p != owner[u]) {
            int[] moved = owner.clone();
            moved[u] = p;
            next.add(moved);
          }
        }
        for (int v = u + 1; v < n; v++) {
          if (owner[u] != owner[v]) {
            int[] swapped = owner.clone();
            swapped[u] = owner[v];
            swapped[v] = owner[u];
            next.add(swapped);
          }
        }
      }
      return next;
    }

    /** Long.MAX_VALUE when some player's units cannot be rung together. */
    long cost(int[] owner) {
      long console = 0;
      long squares = 0;
      long gaps = 0;
      long empty = 0;
      for (int u = 0; u < owner.length; u++) {
        if (owner[u] == CONSOLE) {
          console += units.notes(u);
        }
      }
      for (int p = 0; p < players; p++) {
        List<Integer> held = new ArrayList<>();
        for (int u = 0; u < owner.length; u++) {
          if (owner[u] == p) {
            held.add(u);
          }
        }
        if (held.isEmpty()) {
          empty++;
          continue;
        }
        if (!units.ringable(held, maxUnits)) {
          return Long.MAX_VALUE;
        }
        long notes = held.stream().mapToLong(units::notes).sum();
        squares += notes * notes;
        gaps += held.get(held.size() - 1) - held.get(0) + 1 - held.size();
      }
      return console * CONSOLE_WEIGHT + empty * EMPTY_WEIGHT + squares + gaps * gapCost;
    }

    /** Branch and bound over every sharing of the units, players taken in order of first use. */
    private final class Exhaustive {
      private final Integer[] order;
      private final int[] owner;
      private final long[] playerNotes = new long[players];
      private int[] bestOwner;
      private long bestCost;
      private int nodes;

      Exhaustive(int[] start, long startCost) {
        int n = units.size();
        order = new Integer[n];
        for (int u = 0; u < n; u++) {
          order[u] = u;
        }
        Arrays.sort(order, (a, b) -> Long.compare(units.notes(b), units.notes(a)));
        owner = new int[n];
        Arrays.fill(owner, Integer.MIN_VALUE);
        bestOwner = start;
        bestCost = startCost;
      }

      void branch(int depth, int used, long console) {
        long squares = 0;
        for (long notes : playerNotes) {
          squares += notes * notes;
        }
        if (++nodes > NODE_LIMIT || console * CONSOLE_WEIGHT + squares >= bestCost) {
          return;
        }
        if (depth == order.length) {
          long total = cost(owner);
          if (total < bestCost) {
            bestCost = total;
            bestOwner = owner.clone();
          }
          return;
        }
        int unit = order[depth];
        for (int p = 0; p <= Math.min(used, players - 1); p++) {
          owner[unit] = p;
          if (units.ringable(heldBy(p), maxUnits)) {
            playerNotes[p] += units.notes(unit);
            branch(depth + 1, p == used ? used + 1 : used, console);
            playerNotes[p] -= units.notes(unit);
          }
        }
        owner[unit] = (int) CONSOLE;
        branch(depth + 1, used, console + units.notes(unit));
        owner[unit] = Integer.MIN_VALUE;
      }

      private List<Integer> heldBy(int player) {
        List<Integer> held = new ArrayList<>();
        for (int u = 0; u < owner.length; u++) {
          if (owner[u] == player) {
            held.add(u);
          }
        }
        return held;
      }
    }

    /**
     * The units in pitch order cut into one run per player, a unit left to the console where no
     * run can hold it, by dynamic programming over (players used, units passed).
     */
    private int[] cutIntoRuns() {
      int n = units.size();
      long unreachable = Long.MAX_VALUE;
      long[][] cost = new long[players + 1][n + 1];
      int[][] from = new int[players + 1][n + 1];
      boolean[][] skipped = new boolean[players + 1][n + 1];
      for (long[] row : cost) {
        Arrays.fill(row, unreachable);
      }
      cost[0][0] = 0;
      for (int k = 0; k <= players; k++) {
        for (int i = 0; i < n; i++) {
          if (cost[k][i] == unreachable) {
            continue;
          }
          long skip = cost[k][i] + units.notes(i) * CONSOLE_WEIGHT;
          if (skip < cost[k][i + 1]) {
            cost[k][i + 1] = skip;
            from[k][i + 1] = i;
            skipped[k][i + 1] = true;
          }
          if (k == players) {
            continue;
          }
          long notes = 0;
          List<Integer> run = new ArrayList<>();
          for (int j = i; j < n; j++) {
            run.add(j);
            if (!units.ringable(run, maxUnits)) {
              break;
            }
            notes += units.notes(j);
            long total = cost[k][i] + notes * notes;
            if (total < cost[k + 1][j + 1]) {
              cost[k + 1][j + 1] = total;
              from[k + 1][j + 1] = i;
              skipped[k + 1][j + 1] = false;
            }
          }
        }
      }

      int[] owner = new int[n];
      int k = players;
      int end = n;
      while (end > 0) {
        int start = from[k][end];
        boolean toConsole = skipped[k][end];
        for (int u = start; u < end; u++) {
          owner[u] = toConsole ? (int) CONSOLE : k - 1;
        }
        if (!toConsole) {
          k--;
        }
        end = start;
      }
      return owner;
    }
  }
}
