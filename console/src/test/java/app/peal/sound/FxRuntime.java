package app.peal.sound;

import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM, whichever test class gets there first. */
final class FxRuntime {
  private FxRuntime() {}

  static void start() {
    try {
      Platform.startup(() -> { });
    } catch (IllegalStateException alreadyRunning) {
      // Another test class started it; one toolkit serves them all.
    }
    Platform.setImplicitExit(false);
  }
}
