package app.peal.bench;

import java.util.Arrays;
import java.util.Collection;

/** Order statistics of a sample; percentiles interpolate linearly between closest ranks. */
public record Stats(int count, double p50, double p95, double p99, double max, double mean) {
  public static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN);

  public static Stats of(Collection<Double> values) {
    return of(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public static Stats of(double[] values) {
    if (values.length == 0) {
      return EMPTY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Stats(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
        percentile(sorted, 99), sorted[sorted.length - 1], sum / sorted.length);
  }

  /**
   * @param sorted values in ascending order, at least one
   * @param p the percentile, 0 to 100
   */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of an empty sample");
    }
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile " + p + " is not in 0..100");
    }
    double rank = p / 100 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Max minus min: the spread of one round's instants. */
  public static double spread(Collection<Double> instants) {
    if (instants.isEmpty()) {
      throw new IllegalArgumentException("spread of no instants");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : instants) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }
}
