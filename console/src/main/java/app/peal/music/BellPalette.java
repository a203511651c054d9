package app.peal.music;

/**
 * Bell colours by pitch class, chosen to read on a projector and for colour-blind guests: the
 * seven naturals take the Okabe-Ito hues, and a sharp wears its natural's hue, darkened, so the
 * C and C-sharp a ringer holds together look related yet apart. Every octave of a note shares its
 * colour. {@link #textColor} picks black or white, whichever contrasts more.
 */
public final class BellPalette {
  /** C, D, E, F, G, A, B. */
  private static final int[] NATURALS = {
    0xD55E00, // vermilion
    0xE69F00, // orange
    0xF0E442, // yellow
    0x009E73, // bluish green
    0x56B4E9, // sky blue
    // A before B out of hue order: a darkened sky-blue G# would sit too close to a blue A.
    0xCC79A7, // reddish purple
    0x0072B2, // blue
  };
  /** Natural index (into {@link #NATURALS}) of each pitch class, its own or the one below. */
  private static final int[] NATURAL_OF = {0, 0, 1, 1, 2, 3, 3, 4, 4, 5, 5, 6};
  private static final double SHARP_SHADE = 0.55;
  private static final String DARK_TEXT = "#000000";
  private static final String LIGHT_TEXT = "#FFFFFF";

  private BellPalette() {}

  /** The bell's colour as "#RRGGBB". */
  public static String color(Pitch pitch) {
    return hex(rgb(pitch));
  }

  /** "#000000" or "#FFFFFF", whichever reads better on {@link #color}. */
  public static String textColor(Pitch pitch) {
    double luminance = luminance(rgb(pitch));
    double onDark = (luminance + 0.05) / 0.05;
    double onLight = 1.05 / (luminance + 0.05);
    return onDark >= onLight ? DARK_TEXT : LIGHT_TEXT;
  }

  /** WCAG contrast ratio between two "#RRGGBB" colours, 1 to 21. */
  static double contrast(String first, String second) {
    double a = luminance(Integer.parseInt(first.substring(1), 16));
    double b = luminance(Integer.parseInt(second.substring(1), 16));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  private static int rgb(Pitch pitch) {
    int natural = NATURALS[NATURAL_OF[pitch.pitchClass()]];
    if (!pitch.isAccidental()) {
      return natural;
    }
    int red = (int) Math.round(((natural >> 16) & 0xFF) * SHARP_SHADE);
    int green = (int) Math.round(((natural >> 8) & 0xFF) * SHARP_SHADE);
    int blue = (int) Math.round((natural & 0xFF) * SHARP_SHADE);
    return (red << 16) | (green << 8) | blue;
  }

  private static String hex(int rgb) {
    return String.format("#%06X", rgb);
  }

  private static double luminance(int rgb) {
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
