package app.peal.sound;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;

/**
 * Finds out once, at start-up, whether the console can make a sound. Without a sound device an
 * {@code AudioClip} fails later on a thread of its own, but a {@code MediaPlayer} fails at once,
 * so the probe opens and disposes a player on a tiny WAV and reports what happened.
 */
public final class AudioProbe {
  private static final System.Logger LOG = System.getLogger(AudioProbe.class.getName());

  /** 50 ms of silence: enough for the decoder to open a file, nothing to hear. */
  private static final int PROBE_SAMPLES = 2205;

  /** Whether the console's bells can sound, and if not, why. */
  public record Result(boolean available, String reason) {
    /** What the console shows its host when its bells are silent. */
    public static final String SILENT_NOTICE = "No sound device: the console's bells are silent";

    public Result {
      if (!available && (reason == null || reason.isBlank())) {
        throw new IllegalArgumentException("a silent result needs a reason, got '" + reason + "'");
      }
      if (available) {
        reason = "";
      }
    }

    static Result sounding() {
      return new Result(true, "");
    }

    static Result silent(String reason) {
      return new Result(false, reason);
    }

    /** The line for the host: empty when the bells sound. */
    public String notice() {
      return available ? "" : SILENT_NOTICE;
    }
  }

  private AudioProbe() {}

  /**
   * Opens and disposes a media player once. Call after the JavaFX toolkit has started (from
   * {@code Application.start} or after {@code Platform.startup}); never throws for a missing or
   * broken sound device, and logs one line when the bells will be silent.
   *
   * @throws IllegalStateException if the JavaFX toolkit is not running
   */
  public static Result probe() {
    Result result = tryPlayer();

    if (!result.available()) {
      // MessageFormat reads a lone apostrophe as a quote, which would swallow the reason.
      LOG.log(Level.INFO, Result.SILENT_NOTICE.replace("'", "''") + " ({0})", result.reason());
    }
    return result;
  }

  private static Result tryPlayer() {
    Path wav;
    try {
      wav = Files.createTempFile("peal-probe-", ".wav");
    } catch (IOException e) {
      return Result.silent("could not write a probe sound to the temp directory: " + e);
    }

    try {
      BellSynth.write(new short[PROBE_SAMPLES], wav);
      return openAndDispose(wav);
    } catch (IOException e) {
      return Result.silent("could not write a probe sound to " + wav + ": " + e);
    } finally {
      deleteQuietly(wav);
    }
  }

  private static Result openAndDispose(Path wav) {
    MediaPlayer player = null;
    try {
      Media media = new Media(wav.toUri().toString());
      // Errors a player reports after construction arrive on other threads; the probe has its
      // answer by then, so they are deliberately dropped rather than left to escape.
      media.setOnError(() -> { });
      player = new MediaPlayer(media);
      player.setOnError(() -> { });
      return Result.sounding();
    } catch (MediaException e) {
      return Result.silent("media player failed: " + describe(e));
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "the sound probe needs the JavaFX toolkit running; call AudioProbe.probe() from "
              + "Application.start or after Platform.startup",
          e);
    } catch (LinkageError e) {
      return Result.silent("JavaFX media could not load its native libraries: " + e);
    } finally {
      if (player != null) {
        player.dispose();
      }
    }
  }

  private static String describe(MediaException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String detail = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return e.getType() + ", " + detail;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Only a few hundred bytes in the temp directory; nothing for the host to act on.
      file.toFile().deleteOnExit();
    }
  }
}
