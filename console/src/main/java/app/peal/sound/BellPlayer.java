package app.peal.sound;

import app.peal.music.Pitch;

/** Sounds one bell now. Called from the ringer's own thread, so it must not block for long. */
@FunctionalInterface
public interface BellPlayer {
  void ring(Pitch pitch);

  /** The player for a console with no sound device: rings nothing. */
  static BellPlayer silent() {
    return pitch -> { };
  }
}
