package app.peal.game;

import app.peal.music.Pitch;
import app.peal.music.Song;
import java.util.List;

/**
 * Everything the host's screen shows about the room at one moment; immutable.
 * {@code song} is null before one is chosen, {@code performance} outside a song,
 * {@code startBlockedReason} null when {@link #canStart()}.
 */
public record RoomSnapshot(
    String code,
    Phase phase,
    Song song,
    List<PlayerView> players,
    List<Pitch> consoleBells,
    String startBlockedReason,
    Performance performance,
    Results results) {

  public boolean canStart() {
    return startBlockedReason == null;
  }
}
