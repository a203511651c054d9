package app.peal.music;

/** A song file that cannot be read: the message names the song, where in it, and what is wrong. */
public final class SongFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SongFormatException(String message) {
    super(message);
  }

  public SongFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
