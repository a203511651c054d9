package app.peal.game;

import app.peal.music.Pitch;
import java.util.List;

/** One lane of the note highway: a bell and who rings it (empty: the console rings it). */
public record Lane(Pitch pitch, List<String> ringerNames) {
  public boolean consoleRings() {
    return ringerNames.isEmpty();
  }
}
