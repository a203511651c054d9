package app.peal.ui;

import java.util.Locale;

/** Numbers as the big screen shows them: short, rounded, a dash when unknown. */
final class Format {
  static final String UNKNOWN = "—";

  private Format() {}

  /** 0.873 → "87%". */
  static String percent(double share) {
    if (Double.isNaN(share)) {
      return UNKNOWN;
    }
    return Math.round(share * 100) + "%";
  }

  /** 41.6 → "42 ms"; NaN → "—". */
  static String millis(double ms) {
    if (Double.isNaN(ms)) {
      return UNKNOWN;
    }
    return Math.round(ms) + " ms";
  }

  /** 3.14 → "±3.1 ms", 17.6 → "±18 ms"; NaN → "—". */
  static String plusMinus(double ms) {
    if (Double.isNaN(ms)) {
      return UNKNOWN;
    }
    if (ms >= 10) {
      return "±" + Math.round(ms) + " ms";
    }
    return String.format(Locale.ROOT, "±%.1f ms", ms);
  }

  /** 83_400 ms → "1:23"; negative times count as zero. */
  static String clock(double ms) {
    long seconds = Math.max(0, (long) Math.floor(ms / 1000));
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }

  /** 96 bpm in 3/4 → "96 bpm · 3/4". */
  static String tempo(double bpm, int beatsPerBar, int beatUnit) {
    return Math.round(bpm) + " bpm · " + beatsPerBar + "/" + beatUnit;
  }
}
