package app.peal.music;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the hand-written song format described in docs/songs.md into a {@link Song}. Every
 * problem is a {@link SongFormatException} whose message names the song and the place in it.
 */
public final class SongParser {
  static final String DEFAULT_COMPOSER = "Traditional";
  private static final Set<String> FIELDS = new TreeSet<>(
      List.of("title", "composer", "tempo", "time", "pickup", "melody", "parts", "notes"));

  private SongParser() {}

  /**
   * @param id the song's short name, normally the file name without ".json"
   * @throws SongFormatException when the text is not a valid song
   */
  public static Song parse(String id, String json) {
    String where = "song '" + id + "'";
    JsonObject root = parseObject(where, json);
    for (String field : root.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new SongFormatException(where + ": unknown field '" + field
            + "'; known fields are " + String.join(", ", FIELDS));
      }
    }

    String title = requiredString(where, root, "title");
    String composer = root.has("composer")
        ? requiredString(where, root, "composer") : DEFAULT_COMPOSER;
    double tempo = requiredNumber(where, root, "tempo");
    if (!(tempo >= 1) || tempo > 1000) {
      throw new SongFormatException(where + ": tempo " + BarNotation.beats(tempo)
          + " should be beats per minute between 1 and 1000, such as 120");
    }
    String time = requiredString(where, root, "time");
    Metre metre;
    try {
      metre = Metre.parse(time);
    } catch (IllegalArgumentException e) {
      throw new SongFormatException(where + ": " + e.getMessage(), e);
    }
    double pickup = root.has("pickup") ? requiredNumber(where, root, "pickup") : 0;
    if (pickup < 0 || pickup >= metre.beatsPerBar()) {
      throw new SongFormatException(where + ": pickup " + BarNotation.beats(pickup)
          + " should be 0 or more and shorter than a " + metre + " bar");
    }

    List<BarNotation.Timed> timed = readNotes(where, root, metre, pickup);
    if (timed.isEmpty()) {
      throw new SongFormatException(where + ": there are only rests; a song needs notes");
    }
    return new Song(id, title, composer, tempo, metre.beatsPerBar(), metre.beatUnit(), pickup,
        numbered(timed));
  }

  private static List<BarNotation.Timed> readNotes(
      String where, JsonObject root, Metre metre, double pickup) {
    boolean hasNotes = root.has("notes");
    boolean hasMelody = root.has("melody");
    if (hasNotes == hasMelody) {
      throw new SongFormatException(where
          + ": write the notes either as \"melody\" in bars or as a \"notes\" list, not "
          + (hasNotes ? "both" : "neither"));
    }
    if (hasNotes) {
      if (root.has("parts")) {
        throw new SongFormatException(
            where + ": \"parts\" go with \"melody\"; put every note in the \"notes\" list");
      }
      return NoteList.read(where, root.get("notes"));
    }

    List<BarNotation.Timed> all = new ArrayList<>(
        BarNotation.read(where, partText(where, "melody", root.get("melody")), metre, pickup));
    if (root.has("parts")) {
      JsonElement parts = root.get("parts");
      if (!parts.isJsonObject()) {
        throw new SongFormatException(
            where + ": \"parts\" should map part names to bars, as in {\"harmony\": \"C4/4 |\"}");
      }
      for (Map.Entry<String, JsonElement> part : parts.getAsJsonObject().entrySet()) {
        String partWhere = where + " " + part.getKey();
        String text = partText(where, part.getKey(), part.getValue());
        all.addAll(BarNotation.read(partWhere, text, metre, pickup));
      }
    }
    return all;
  }

  /** A part is one string of bars, or a list of strings read as if written on one line. */
  private static String partText(String where, String name, JsonElement value) {
    if (isString(value)) {
      return value.getAsString();
    }
    if (value.isJsonArray()) {
      List<String> lines = new ArrayList<>();
      for (JsonElement line : value.getAsJsonArray()) {
        if (!isString(line)) {
          throw new SongFormatException(
              where + ": every line of \"" + name + "\" should be a string of bars");
        }
        lines.add(line.getAsString());
      }
      return String.join(" ", lines);
    }
    throw new SongFormatException(where + ": \"" + name
        + "\" should be a string of bars, or a list of them, as in \"E4/1 E4 E4/2 |\"");
  }

  /** Merges the parts: one bell struck twice at the same beat is one note, the longer one. */
  private static List<SongNote> numbered(List<BarNotation.Timed> timed) {
    Map<String, BarNotation.Timed> byPlace = new LinkedHashMap<>();
    for (BarNotation.Timed note : timed) {
      String key = note.pitch().midi() + "@" + Math.round(note.beat() * 1e6);
      byPlace.merge(key, note, (a, b) -> a.beats() >= b.beats() ? a : b);
    }
    List<BarNotation.Timed> sorted = new ArrayList<>(byPlace.values());
    sorted.sort(Comparator.comparingDouble(BarNotation.Timed::beat)
        .thenComparing(BarNotation.Timed::pitch));

    List<SongNote> notes = new ArrayList<>(sorted.size());
    for (BarNotation.Timed note : sorted) {
      notes.add(new SongNote(notes.size(), note.pitch(), note.beat(), note.beats()));
    }
    return notes;
  }

  private static JsonObject parseObject(String where, String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json == null ? "" : json);
    } catch (JsonParseException e) {
      throw new SongFormatException(
          where + ": not valid JSON (" + e.getMessage() + "); check commas and quotes", e);
    }
    if (!root.isJsonObject()) {
      throw new SongFormatException(
          where + ": the file should hold one JSON object, as in {\"title\": \"...\", ...}");
    }
    return root.getAsJsonObject();
  }

  static boolean isString(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  private static String requiredString(String where, JsonObject root, String field) {
    JsonElement value = root.get(field);
    if (value == null || !isString(value) || value.getAsString().isBlank()) {
      throw new SongFormatException(where + ": \"" + field + "\" should be a non-empty string");
    }
    return value.getAsString().trim();
  }

  private static double requiredNumber(String where, JsonObject root, String field) {
    JsonElement value = root.get(field);
    if (value == null || !isNumber(value)) {
      throw new SongFormatException(where + ": \"" + field + "\" should be a number");
    }
    return value.getAsDouble();
  }

  /** Reads the explicit form: a list of {"pitch": "E4", "beat": 0, "beats": 1}. */
  private static final class NoteList {
    private NoteList() {}

    static List<BarNotation.Timed> read(String where, JsonElement list) {
      if (!list.isJsonArray()) {
        throw new SongFormatException(where + ": \"notes\" should be a list such as "
            + "[{\"pitch\": \"E4\", \"beat\": 0, \"beats\": 1}]");
      }
      JsonArray array = list.getAsJsonArray();
      List<BarNotation.Timed> notes = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        String noteWhere = where + " note " + (i + 1);
        if (!array.get(i).isJsonObject()) {
          throw new SongFormatException(noteWhere
              + ": should be an object such as {\"pitch\": \"E4\", \"beat\": 0, \"beats\": 1}");
        }
        JsonObject note = array.get(i).getAsJsonObject();
        JsonElement pitch = note.get("pitch");
        if (pitch == null || !isString(pitch)) {
          throw new SongFormatException(
              noteWhere + ": \"pitch\" should be a string such as \"E4\"");
        }
        Pitch parsed = BarNotation.parsePitch(noteWhere, pitch.getAsString());
        double beat = number(noteWhere, note, "beat");
        double beats = number(noteWhere, note, "beats");
        if (beat < 0) {
          throw new SongFormatException(noteWhere + ": beat " + BarNotation.beats(beat)
              + " is before the start; beats count from 0 at the first note");
        }
        if (!(beats > 0)) {
          throw new SongFormatException(noteWhere + ": length " + BarNotation.beats(beats)
              + " should be a positive number of beats");
        }
        notes.add(new BarNotation.Timed(parsed, beat, beats));
      }
      return notes;
    }

    private static double number(String where, JsonObject note, String field) {
      JsonElement value = note.get(field);
      if (value == null || !isNumber(value)) {
        throw new SongFormatException(where + ": \"" + field + "\" should be a number");
      }
      return ((JsonPrimitive) value).getAsDouble();
    }
  }
}
