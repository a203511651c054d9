package app.peal.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws the start-skew distributions as an SVG: one group per profile and phone count, one
 * column per way of starting, every round as a dot over a box from p5 to p95 with the median
 * marked, on a logarithmic axis with the 5 ms target drawn across.
 */
final class SkewPlot {
  private static final String[] MODES = {"naive", "warm-up", "Peal"};
  // Okabe-Ito colours: distinct for colour-blind readers and on a projector.
  private static final String[] COLOURS = {"#E69F00", "#0072B2", "#009E73"};
  private static final double MIN_MS = 0.1;
  private static final double MAX_MS = 2000;
  private static final int LEFT = 70;
  private static final int TOP = 40;
  private static final int PLOT_HEIGHT = 360;
  private static final int COLUMN = 34;
  private static final int GROUP_GAP = 26;

  private SkewPlot() {}

  static String svg(List<SyncRun.Result> results) {
    int groupWidth = MODES.length * COLUMN + GROUP_GAP;
    int width = LEFT + Math.max(1, results.size()) * groupWidth + 20;
    int height = TOP + PLOT_HEIGHT + 70;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
    s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
        width, height));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">Start skew "
        + "per round (max - min of true start instants), log scale</text>%n", LEFT));

    for (double tick : new double[] {0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000}) {
      double y = y(tick);
      s.append(line(LEFT, y, width - 20, y, "#dddddd", 1));
      s.append(text(LEFT - 8, y + 4, "end", fmt(tick) + " ms"));
    }
    double target = y(Report.TARGET_SKEW_MS);
    s.append(line(LEFT, target, width - 20, target, "#CC0000", 1.5)
        .replace("/>", " stroke-dasharray=\"6 4\"/>"));
    s.append(text(width - 22, target - 4, "end", "5 ms target"));

    for (int g = 0; g < results.size(); g++) {
      SyncRun.Result r = results.get(g);
      int x0 = LEFT + g * groupWidth + GROUP_GAP / 2;
      List<List<Double>> modes = List.of(r.naiveSkew(), r.warmSkew(), r.pealSkew());
      for (int m = 0; m < MODES.length; m++) {
        column(s, x0 + m * COLUMN + COLUMN / 2, modes.get(m), COLOURS[m]);
      }
      s.append(text(x0 + MODES.length * COLUMN / 2.0, TOP + PLOT_HEIGHT + 18, "middle",
          r.profile()));
      s.append(text(x0 + MODES.length * COLUMN / 2.0, TOP + PLOT_HEIGHT + 33, "middle",
          r.phones() + " phones"));
    }
    for (int m = 0; m < MODES.length; m++) {
      int x = LEFT + m * 110;
      int y = TOP + PLOT_HEIGHT + 55;
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
          + "fill=\"%s\"/>%n", x, y - 10, COLOURS[m]));
      s.append(text(x + 18, y, "start", MODES[m]));
    }
    s.append("</svg>\n");
    return s.toString();
  }

  private static void column(StringBuilder s, double x, List<Double> values, String colour) {
    if (values.isEmpty()) {
      return;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    double lo = y(Stats.percentile(sorted, 5));
    double hi = y(Stats.percentile(sorted, 95));
    double mid = y(Stats.percentile(sorted, 50));
    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"22\" height=\"%.1f\""
        + " fill=\"%s\" fill-opacity=\"0.25\" stroke=\"%s\"/>%n", x - 11, hi,
        Math.max(1, lo - hi), colour, colour));
    s.append(line(x - 13, mid, x + 13, mid, colour, 2.5));
    for (int i = 0; i < sorted.length; i++) {
      // Spread the dots sideways by rank so equal values stay visible.
      double dx = ((i * 7) % 11 - 5) * 1.4;
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.8\" "
          + "fill=\"%s\"/>%n", x + dx, y(sorted[i]), colour));
    }
  }

  static double y(double ms) {
    double v = Math.min(MAX_MS, Math.max(MIN_MS, ms));
    double f = (Math.log10(v) - Math.log10(MIN_MS)) / (Math.log10(MAX_MS) - Math.log10(MIN_MS));
    return TOP + PLOT_HEIGHT * (1 - f);
  }

  private static String line(double x1, double y1, double x2, double y2, String c, double w) {
    return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
        + "stroke=\"%s\" stroke-width=\"%.1f\"/>%n", x1, y1, x2, y2, c, w);
  }

  private static String text(double x, double y, String anchor, String body) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
        x, y, anchor, body);
  }

  private static String fmt(double v) {
    return v < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
  }
}
