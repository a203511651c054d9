package app.peal.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Boots the JavaFX toolkit once for tests without a robot and runs work on its thread. */
final class Fx {
  private Fx() {}

  static void boot() {
    try {
      FxToolkit.registerPrimaryStage();
    } catch (TimeoutException e) {
      throw new IllegalStateException("the JavaFX toolkit did not start within the timeout", e);
    }
  }

  static <T> T call(Callable<T> work) {
    try {
      return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("work on the FX thread failed: " + e, e);
    }
  }

  static void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** Waits until everything posted to the FX thread so far has run. */
  static void settle() {
    WaitForAsyncUtils.waitForFxEvents();
  }
}
