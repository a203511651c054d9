package app.peal.music;

import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a {@link Song} in the song format of docs/songs.md, as a {@code "notes"} list: a song
 * made by a program has no bar lines to check, and tempo changes leave its notes off the grid.
 * {@link SongParser} reads the text back to the same notes, to a millionth of a beat.
 */
public final class SongWriter {
  private static final int DECIMALS = 6;

  private SongWriter() {}

  public static String toJson(Song song) {
    StringBuilder json = new StringBuilder("{\n");
    field(json, "title", quoted(song.title()));
    field(json, "composer", quoted(song.composer()));
    field(json, "tempo", number(song.bpm()));
    field(json, "time", quoted(song.beatsPerBar() + "/" + song.beatUnit()));
    if (song.pickupBeats() > 0) {
      field(json, "pickup", number(song.pickupBeats()));
    }
    json.append("  \"notes\": [\n");
    for (int i = 0; i < song.notes().size(); i++) {
      SongNote note = song.notes().get(i);
      json.append("    {\"pitch\": ").append(quoted(note.pitch().name()))
          .append(", \"beat\": ").append(number(note.beat()))
          .append(", \"beats\": ").append(number(note.beats())).append('}')
          .append(i + 1 < song.notes().size() ? ",\n" : "\n");
    }
    return json.append("  ]\n}\n").toString();
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append("  ").append(quoted(name)).append(": ").append(value).append(",\n");
  }

  private static String quoted(String text) {
    return new JsonPrimitive(text).toString();
  }

  /** Up to six decimals, no trailing zeros: 120, 0.5, 2.333333. */
  static String number(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
  }
}
