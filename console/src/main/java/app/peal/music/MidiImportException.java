package app.peal.music;

import java.nio.file.Path;

/**
 * A MIDI file that cannot become a song: unreadable, not a standard MIDI file, or holding no
 * notes the bells could play. The message names the file and says what is wrong with it.
 */
public final class MidiImportException extends Exception {
  private static final long serialVersionUID = 1L;

  MidiImportException(Path file, String problem) {
    super("midi file '" + file.getFileName() + "': " + problem);
  }

  MidiImportException(Path file, String problem, Throwable cause) {
    super("midi file '" + file.getFileName() + "': " + problem, cause);
  }
}
