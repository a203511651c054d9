package app.peal.music;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who rings which bell in one song: each player's bells, and the bells the console rings itself
 * because nobody holds them. Immutable; a player leaving or coming back mid-song gives a new
 * assignment in which nobody else's bells move.
 */
public final class BellAssignment {
  private final SortedSet<Pitch> pitches;
  private final Map<String, List<Pitch>> planned;
  private final Set<String> departed;

  /**
   * @param pitches every pitch of the song
   * @param planned each player's bells in join order, as the assigner gave them
   * @param departed players who left during the song; their bells wait for their return
   */
  BellAssignment(
      SortedSet<Pitch> pitches, Map<String, List<Pitch>> planned, Set<String> departed) {
    this.pitches = Collections.unmodifiableSortedSet(new TreeSet<>(pitches));
    Map<String, List<Pitch>> copy = new LinkedHashMap<>();
    planned.forEach((id, bells) -> copy.put(id, List.copyOf(new TreeSet<>(bells))));
    this.planned = Collections.unmodifiableMap(copy);
    this.departed = Collections.unmodifiableSet(new LinkedHashSet<>(departed));
  }

  /** Players holding bells now, in join order. */
  public List<String> players() {
    List<String> active = new ArrayList<>();
    for (String id : planned.keySet()) {
      if (!departed.contains(id)) {
        active.add(id);
      }
    }
    return active;
  }

  /** Players who left during the song and can be given their bells back. */
  public Set<String> departed() {
    return departed;
  }

  /** The player's bells, lowest first; empty for a player who holds none or has left. */
  public List<Pitch> bellsOf(String playerId) {
    if (departed.contains(playerId)) {
      return List.of();
    }
    return planned.getOrDefault(playerId, List.of());
  }

  /** Players ringing this bell, in join order; empty when the console rings it. */
  public List<String> ringersOf(Pitch pitch) {
    List<String> ringers = new ArrayList<>();
    for (String id : players()) {
      if (planned.get(id).contains(pitch)) {
        ringers.add(id);
      }
    }
    return ringers;
  }

  /**
   * Who rings the {@code occurrence}-th note (counting from 0) of this bell: the ringers of a
   * doubled bell take its notes in turn, so each rings a share instead of all of them in unison;
   * empty when the console rings it.
   */
  public Optional<String> ringerOf(Pitch pitch, int occurrence) {
    if (occurrence < 0) {
      throw new IllegalArgumentException("occurrence " + occurrence + " of " + pitch
          + " is negative; count a bell's notes from 0");
    }
    List<String> ringers = ringersOf(pitch);
    return ringers.isEmpty()
        ? Optional.empty()
        : Optional.of(ringers.get(occurrence % ringers.size()));
  }

  /** The song's bells that no present player holds. */
  public SortedSet<Pitch> consoleBells() {
    SortedSet<Pitch> console = new TreeSet<>(pitches);
    for (String id : players()) {
      console.removeAll(planned.get(id));
    }
    return Collections.unmodifiableSortedSet(console);
  }

  /** Every pitch of the song, lowest first. */
  public SortedSet<Pitch> pitches() {
    return pitches;
  }

  /**
   * The player left mid-song: a bell they shared stays with their partner, any other goes to
   * the console. Unknown or already departed players change nothing.
   */
  public BellAssignment withoutPlayer(String playerId) {
    if (!planned.containsKey(playerId) || departed.contains(playerId)) {
      return this;
    }
    Set<String> gone = new LinkedHashSet<>(departed);
    gone.add(playerId);
    return new BellAssignment(pitches, planned, gone);
  }

  /**
   * A player who left mid-song is back: they take their own bells again, from the console or
   * beside the partner who kept ringing them. A present player changes nothing.
   *
   * @throws IllegalArgumentException for a player who held no bells in this song; new
   *     players get bells when the next song is assigned
   */
  public BellAssignment withPlayerBack(String playerId) {
    if (!planned.containsKey(playerId)) {
      throw new IllegalArgumentException("player '" + playerId
          + "' held no bells in this song; they get bells when the next song is assigned");
    }
    if (!departed.contains(playerId)) {
      return this;
    }
    Set<String> gone = new LinkedHashSet<>(departed);
    gone.remove(playerId);
    return new BellAssignment(pitches, planned, gone);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BellAssignment that
        && pitches.equals(that.pitches)
        && planned.equals(that.planned)
        && List.copyOf(planned.keySet()).equals(List.copyOf(that.planned.keySet()))
        && departed.equals(that.departed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pitches, planned, departed);
  }

  @Override
  public String toString() {
    Map<String, List<Pitch>> now = new LinkedHashMap<>();
    for (String id : players()) {
      now.put(id, planned.get(id));
    }
    return "BellAssignment" + now + " console=" + consoleBells();
  }
}
