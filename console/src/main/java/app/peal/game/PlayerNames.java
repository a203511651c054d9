package app.peal.game;

import java.text.Normalizer;
import java.util.Collection;

/** Cleans the names guests type: what reaches the big screen must be short and harmless. */
public final class PlayerNames {
  public static final int MAX_LENGTH = 24;

  private PlayerNames() {}

  /**
   * Removes control, formatting (zero-width, bidi override) and unpaired surrogate characters,
   * folds runs of white space and trims.
   *
   * @throws IllegalArgumentException when nothing is left or the name is too long
   */
  public static String clean(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("a name is required");
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder out = new StringBuilder();
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
        continue;
      }
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(cp);
    }

    String name = out.toString();
    int length = name.codePointCount(0, name.length());
    if (length == 0) {
      throw new IllegalArgumentException("a name needs at least one visible character");
    }
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "name is " + length + " characters; use at most " + MAX_LENGTH);
    }
    return name;
  }

  /** {@code name}, or "name 2", "name 3"... so that no two players look the same. */
  public static String unique(String name, Collection<String> taken) {
    if (!taken.contains(name)) {
      return name;
    }
    for (int n = 2; ; n++) {
      String candidate = name + " " + n;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }
}
