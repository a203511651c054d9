package app.peal.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one part written in bars, such as {@code "E4/1 E4 E4/2 | C4+E4/2 r/2"}, into timed notes
 * and checks every bar against the metre. Bars are numbered from 1 as written, pickup included.
 */
final class BarNotation {
  /** A note before the song's notes are merged, sorted and numbered. */
  record Timed(Pitch pitch, double beat, double beats) {}

  private static final double EPSILON = 1e-6;
  private static final String REST = "r";

  private BarNotation() {}

  /**
   * @param where how messages name this part, such as "song 'x'" or "song 'x' harmony"
   * @param pickup beats before the first full bar, 0 for none
   */
  static List<Timed> read(String where, String text, Metre metre, double pickup) {
    List<String> bars = splitBars(text);
    if (bars.isEmpty()) {
      throw new SongFormatException(where + ": no notes written; write them as \"E4/1 E4 E4/2 |\"");
    }

    List<Timed> notes = new ArrayList<>();
    double barStart = 0;
    double length = 1;
    for (int b = 0; b < bars.size(); b++) {
      String barWhere = where + " bar " + (b + 1);
      String[] tokens = bars.get(b).trim().split("\\s+");
      if (tokens[0].isEmpty()) {
        throw new SongFormatException(barWhere + ": the bar is empty; remove the extra '|'");
      }
      double inBar = 0;
      for (int t = 0; t < tokens.length; t++) {
        String noteWhere = barWhere + " note " + (t + 1);
        String token = tokens[t];
        int slash = token.indexOf('/');
        String head = slash < 0 ? token : token.substring(0, slash);
        if (slash >= 0) {
          length = parseBeats(noteWhere, token, token.substring(slash + 1));
        }
        if (!head.equalsIgnoreCase(REST)) {
          for (String name : head.split("\\+", -1)) {
            notes.add(new Timed(parsePitch(noteWhere, name), barStart + inBar, length));
          }
        }
        inBar += length;
      }
      double expected = checkBar(barWhere, inBar, b == 0, b == bars.size() - 1, metre, pickup);
      // Snap to the written metre so thirds of a beat do not drift over a long song.
      barStart += expected;
    }
    return notes;
  }

  /** Returns the bar's length to carry on from: the metre's, or what a short last bar holds. */
  private static double checkBar(
      String where, double inBar, boolean first, boolean last, Metre metre, double pickup) {
    double full = metre.beatsPerBar();
    if (first && pickup > 0) {
      if (Math.abs(inBar - pickup) > EPSILON) {
        throw new SongFormatException(where + ": the pickup bar holds " + beats(inBar)
            + " beats but \"pickup\" says " + beats(pickup));
      }
      return pickup;
    }
    if (inBar > full + EPSILON) {
      throw new SongFormatException(where + ": " + beats(inBar) + " beats in a " + metre
          + " bar, which holds " + beats(full));
    }
    if (last) {
      return inBar;
    }
    if (inBar < full - EPSILON) {
      String hint = first
          ? "; if the song starts with a pickup, add \"pickup\": " + beats(inBar)
          : ", which holds " + beats(full);
      throw new SongFormatException(
          where + ": " + beats(inBar) + " beats in a " + metre + " bar" + hint);
    }
    return full;
  }

  private static List<String> splitBars(String text) {
    List<String> bars = new ArrayList<>(List.of(text.split("\\|", -1)));
    // A bar line after the last bar is allowed, as is a wholly blank part.
    if (!bars.isEmpty() && bars.get(bars.size() - 1).isBlank()) {
      bars.remove(bars.size() - 1);
    }
    return bars;
  }

  static Pitch parsePitch(String where, String name) {
    try {
      return Pitch.parse(name);
    } catch (IllegalArgumentException e) {
      throw new SongFormatException(where + ": unknown pitch '" + name
          + "'; write a note name such as C4, F#5 or Bb3, or r for a rest", e);
    }
  }

  private static double parseBeats(String where, String token, String text) {
    double value;
    try {
      int slash = text.indexOf('/');
      value = slash < 0
          ? Double.parseDouble(text)
          : Double.parseDouble(text.substring(0, slash))
              / Double.parseDouble(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new SongFormatException(where + ": bad length '" + text + "' in '" + token
          + "'; write beats as a positive number such as 1, 0.5 or 1/3");
    }
    return value;
  }

  /** "4", "4.5", "0.333": how messages show a number of beats. */
  static String beats(double value) {
    double rounded = Math.round(value * 1000) / 1000.0;
    if (rounded == Math.rint(rounded)) {
      return Long.toString((long) rounded);
    }
    return Double.toString(rounded);
  }
}
