package app.peal.sound;

import app.peal.music.Pitch;
import java.util.Objects;

/**
 * A bell struck at a moment in milliseconds: an offset into a rendered phrase for
 * {@link BellSynth}, or an instant on the room clock for {@link ConsoleRinger}.
 */
public record BellStrike(Pitch pitch, double atMs) {
  public BellStrike {
    Objects.requireNonNull(pitch, "pitch");
    if (!Double.isFinite(atMs)) {
      throw new IllegalArgumentException("bell " + pitch + " struck at non-finite ms " + atMs);
    }
  }
}
