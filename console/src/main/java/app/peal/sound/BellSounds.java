package app.peal.sound;

import app.peal.music.Pitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.scene.media.AudioClip;

/**
 * The console's real bells: renders each pitch's tone to a WAV the first time it is wanted, keeps
 * one {@link AudioClip} per pitch, and plays it at once on {@link #ring}. The WAVs live in a
 * directory of their own, removed by {@link #close} or when the JVM exits. Use only when
 * {@link AudioProbe} found a sound device; otherwise ring {@link BellPlayer#silent()}.
 */
public final class BellSounds implements BellPlayer, AutoCloseable {
  private final Path directory;
  private final Map<Pitch, AudioClip> clips = new ConcurrentHashMap<>();
  private volatile boolean closed;

  BellSounds(Path directory) {
    this.directory = directory;
  }

  /** Bell sounds in a fresh temp directory. Needs the JavaFX toolkit running to play. */
  public static BellSounds inTempDirectory() throws IOException {
    Path directory = Files.createTempDirectory("peal-bells-");
    // Registered before its files, so the JVM deletes the files first and then the directory.
    directory.toFile().deleteOnExit();
    return new BellSounds(directory);
  }

  /** The player the console should use: these sounds, or silence when the probe found none. */
  public static BellPlayer forConsole(AudioProbe.Result probe) throws IOException {
    return probe.available() ? inTempDirectory() : BellPlayer.silent();
  }

  /** Renders the given bells now, so that their first ring is not delayed by rendering. */
  public void prepare(Collection<Pitch> pitches) {
    pitches.forEach(this::clip);
  }

  @Override
  public void ring(Pitch pitch) {
    clip(pitch).play();
  }

  /** Deletes the rendered WAVs; ringing afterwards is an error. */
  @Override
  public void close() throws IOException {
    closed = true;
    clips.values().forEach(AudioClip::stop);
    clips.clear();
    try (var files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }

  Path directory() {
    return directory;
  }

  AudioClip clip(Pitch pitch) {
    if (closed) {
      throw new IllegalStateException(
          "bell sounds in " + directory + " are closed; create new BellSounds to ring " + pitch);
    }
    return clips.computeIfAbsent(pitch, p -> new AudioClip(render(p).toUri().toString()));
  }

  private Path render(Pitch pitch) {
    Path file = directory.resolve("bell-" + pitch.midi() + ".wav");
    try {
      BellSynth.writeWav(pitch, file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the sound of bell " + pitch + " to " + file
              + "; check that the temp directory is writable and has space",
          e);
    }
    file.toFile().deleteOnExit();
    return file;
  }
}
