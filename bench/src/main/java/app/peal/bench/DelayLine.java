package app.peal.bench;

import java.util.SplittableRandom;

/**
 * Decides when each chunk of bytes entering one direction of a link comes out. Chunks leave in
 * the order they came (it is one TCP stream), so a chunk behind a spike waits for it and the two
 * are released together. Not thread-safe: one reader thread per direction calls it.
 */
final class DelayLine {
  private final Profile.Direction model;
  private final SplittableRandom random;
  private final double beaconPhaseMs;
  private double lastReleaseMs = Double.NEGATIVE_INFINITY;

  DelayLine(Profile.Direction model, long seed) {
    this.model = model;
    this.random = new SplittableRandom(seed);
    this.beaconPhaseMs = model.beaconMs() > 0 ? random.nextDouble() * model.beaconMs() : 0;
  }

  /**
   * The two lines of connection {@code index} of a proxy seeded with {@code seed}: phone to
   * console first, then back. Both proxies take them from here, so both replay one network.
   */
  static DelayLine[] forConnection(Profile profile, long seed, int index) {
    long base = seed * 1_000_003L + index * 7_919L;
    return new DelayLine[] {
        new DelayLine(profile.up(), base), new DelayLine(profile.down(), base + 1)};
  }

  /**
   * @param arrivalMs when the chunk reached the link
   * @param lastActivityMs when the phone last sent or heard anything, for power saving
   * @return when the chunk leaves the link, never before an earlier chunk
   */
  double releaseAt(double arrivalMs, double lastActivityMs) {
    double ready = arrivalMs;
    if (model.idleMs() > 0 && arrivalMs - lastActivityMs > model.idleMs()) {
      ready = nextBeacon(arrivalMs);
    }

    double delay = model.floorMs() + exponential(model.tailMs());
    if (model.spikeChance() > 0 && random.nextDouble() < model.spikeChance()) {
      delay += model.spikeMinMs() + random.nextDouble() * (model.spikeMaxMs() - model.spikeMinMs());
    }

    lastReleaseMs = Math.max(lastReleaseMs, ready + delay);
    return lastReleaseMs;
  }

  double nextBeacon(double ms) {
    double k = Math.ceil((ms - beaconPhaseMs) / model.beaconMs());
    return beaconPhaseMs + k * model.beaconMs();
  }

  private double exponential(double mean) {
    return mean <= 0 ? 0 : -Math.log(1 - random.nextDouble()) * mean;
  }
}
