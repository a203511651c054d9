package app.peal.game;

import app.peal.music.Song;
import app.peal.sync.RoomClock;
import java.util.List;

/** What the host can do to the room, from the window or the headless command line. */
public interface RoomControl {
  RoomClock clock();

  List<Song> songs();

  RoomSnapshot snapshot();

  /**
   * Adds a song to the list the host picks from, such as one imported from a MIDI file.
   *
   * @throws IllegalArgumentException when a song with the same id is already listed
   */
  void addSong(Song song);

  /** Makes {@code songId} the next song; allowed in the lobby and on the results screen. */
  void chooseSong(String songId);

  /**
   * Schedules the chosen song to begin after a count-in.
   *
   * @throws IllegalStateException with the reason shown to the host when it cannot start
   */
  void start();

  /** Abandons a song under way and returns to the lobby. */
  void stop();

  /** From the results screen back to the lobby, keeping the players. */
  void backToLobby();

  void addListener(RoomListener listener);

  void removeListener(RoomListener listener);
}
