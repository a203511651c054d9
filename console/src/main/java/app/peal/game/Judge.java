package app.peal.game;

import app.peal.music.Pitch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges one song's rings against the notes each player holds, by the instant a ring happened
 * (room-clock ms), never by when it arrived. Not thread-safe: the room calls it from its own
 * thread.
 */
public final class Judge {
  public static final double PERFECT_MS = 70;
  public static final double GOOD_MS = 160;

  private final Map<String, Map<Pitch, List<Slot>>> byPlayer = new HashMap<>();
  private final Map<String, Tally> tallies = new HashMap<>();

  /** Makes {@code playerId} responsible for ringing the note {@code noteId} at {@code at}. */
  public void expect(String playerId, int noteId, Pitch pitch, double at) {
    List<Slot> slots = byPlayer.computeIfAbsent(playerId, p -> new HashMap<>())
        .computeIfAbsent(pitch, p -> new ArrayList<>());
    if (!slots.isEmpty() && slots.get(slots.size() - 1).at > at) {
      throw new IllegalArgumentException(
          "notes must be expected in time order; note " + noteId + " at " + at + " is early");
    }
    slots.add(new Slot(noteId, pitch, at));
    tally(playerId).notes++;
  }

  /**
   * Takes a player's notes away (they left during the song): notes not yet judged are no longer
   * theirs and do not count against them.
   */
  public void release(String playerId, Pitch pitch) {
    List<Slot> slots = byPlayer.getOrDefault(playerId, Map.of()).get(pitch);
    if (slots == null) {
      return;
    }
    for (Slot s : slots) {
      if (!s.judged) {
        s.judged = true;
        tally(playerId).notes--;
      }
    }
  }

  /**
   * Judges a ring. With {@code pitch} null the ring goes to the player's bell whose nearest open
   * note is closest in time.
   */
  public Judgement ring(String playerId, Pitch pitch, double at) {
    Map<Pitch, List<Slot>> held = byPlayer.getOrDefault(playerId, Map.of());
    Slot best = null;
    for (Map.Entry<Pitch, List<Slot>> e : held.entrySet()) {
      if (pitch != null && !e.getKey().equals(pitch)) {
        continue;
      }
      Slot s = nearestOpen(e.getValue(), at);
      if (s != null && (best == null || Math.abs(s.at - at) < Math.abs(best.at - at))) {
        best = s;
      }
    }

    Tally tally = tally(playerId);
    if (best == null || Math.abs(best.at - at) > GOOD_MS) {
      tally.stray++;
      return new Judgement(-1, playerId, pitch, Verdict.STRAY, Double.NaN, at);
    }
    best.judged = true;
    double offset = at - best.at;
    Verdict verdict = Math.abs(offset) <= PERFECT_MS ? Verdict.PERFECT : Verdict.GOOD;
    tally.record(verdict, offset);
    return new Judgement(best.noteId, playerId, best.pitch, verdict, offset, at);
  }

  /**
   * Marks as missed every open note of {@code playerId} whose window closed before
   * {@code cutoff}.
   */
  public List<Judgement> sweep(String playerId, double cutoff) {
    List<Judgement> missed = new ArrayList<>();
    for (List<Slot> slots : byPlayer.getOrDefault(playerId, Map.of()).values()) {
      for (Slot s : slots) {
        if (s.at + GOOD_MS >= cutoff) {
          break;
        }
        if (!s.judged) {
          s.judged = true;
          tally(playerId).record(Verdict.MISS, Double.NaN);
          missed.add(new Judgement(s.noteId, playerId, s.pitch, Verdict.MISS, Double.NaN, s.at));
        }
      }
    }
    missed.sort((a, b) -> Double.compare(a.at(), b.at()));
    return missed;
  }

  public Score score(String playerId) {
    return tally(playerId).toScore();
  }

  /** All players' notes and rings together. */
  public Score choir() {
    Tally sum = new Tally();
    for (Tally t : tallies.values()) {
      sum.add(t);
    }
    return sum.toScore();
  }

  private static Slot nearestOpen(List<Slot> slots, double at) {
    Slot best = null;
    for (Slot s : slots) {
      if (s.judged) {
        continue;
      }
      if (best == null || Math.abs(s.at - at) < Math.abs(best.at - at)) {
        best = s;
      } else if (s.at > at) {
        break;
      }
    }
    return best;
  }

  private Tally tally(String playerId) {
    return tallies.computeIfAbsent(playerId, p -> new Tally());
  }

  private static final class Slot {
    final int noteId;
    final Pitch pitch;
    final double at;
    boolean judged;

    Slot(int noteId, Pitch pitch, double at) {
      this.noteId = noteId;
      this.pitch = pitch;
      this.at = at;
    }
  }

  private static final class Tally {
    int notes;
    int perfect;
    int good;
    int miss;
    int stray;
    double absOffsetSum;

    void record(Verdict verdict, double offset) {
      switch (verdict) {
        case PERFECT -> perfect++;
        case GOOD -> good++;
        case MISS -> miss++;
        case STRAY -> stray++;
      }
      if (!Double.isNaN(offset)) {
        absOffsetSum += Math.abs(offset);
      }
    }

    void add(Tally t) {
      notes += t.notes;
      perfect += t.perfect;
      good += t.good;
      miss += t.miss;
      stray += t.stray;
      absOffsetSum += t.absOffsetSum;
    }

    Score toScore() {
      int hits = perfect + good;
      double meanOffset = hits == 0 ? Double.NaN : absOffsetSum / hits;
      return new Score(notes, perfect, good, miss, stray, meanOffset);
    }
  }
}
