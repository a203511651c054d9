package app.peal.game;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Room codes: four letters from an alphabet without look-alikes (no O/Q/0, I/L/1, S/5, Z/2,
 * B/8).
 */
public final class RoomCodes {
  public static final String ALPHABET = "ACDEFGHJKMNPRTUVWXY";
  public static final int LENGTH = 4;

  private RoomCodes() {}

  public static String random(RandomGenerator random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** Upper-cased and trimmed, for comparing what a guest typed. */
  public static String normalize(String typed) {
    return typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
  }
}
