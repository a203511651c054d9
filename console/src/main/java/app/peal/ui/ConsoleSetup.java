package app.peal.ui;

import app.peal.game.JoinLinks;
import app.peal.game.RoomControl;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the console window needs from the rest of the program: the room to show and drive, the
 * links guests join with, how to set up sound once the toolkit runs (it returns a note for the
 * host when the console cannot make sound, {@code null} when it can), and what to do when the
 * window closes (shut the server down).
 */
public record ConsoleSetup(
    RoomControl room, JoinLinks links, Supplier<String> startSound, Runnable onClose) {
  public ConsoleSetup {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(startSound, "startSound");
    Objects.requireNonNull(onClose, "onClose");
    if (links.hosts().isEmpty()) {
      throw new IllegalArgumentException(
          "join links for room " + links.roomCode() + " name no host; pass at least one address");
    }
  }
}
