package app.peal.net;

/**
 * One phone's message budget: a token bucket that refills at a steady rate up to a burst size.
 * It also tells when to warn the phone (at most once per warning interval) and when flooding has
 * gone on long enough to hang up. Times are room-clock milliseconds; not thread-safe.
 */
final class RateLimiter {
  /** What to do with one message. */
  enum Decision {
    ACCEPT,
    DROP,
    DROP_AND_WARN,
    DISCONNECT
  }

  // A flood is over once the phone has gone this long without a dropped message.
  private static final double FLOOD_QUIET_MS = 1000;

  private final double perMs;
  private final double burst;
  private final double warnEveryMs;
  private final double disconnectAfterMs;

  private double tokens;
  private double lastMs = Double.NaN;
  private boolean flooding;
  private double floodStartMs;
  private double lastDropMs;
  private double lastWarnMs = Double.NEGATIVE_INFINITY;

  RateLimiter(double perSecond, double burst, double warnEveryMs, double disconnectAfterMs) {
    if (!(perSecond > 0) || !(burst >= 1)) {
      throw new IllegalArgumentException(
          "rate " + perSecond + "/s with burst " + burst + " admits nothing; both must be ≥ 1");
    }
    this.perMs = perSecond / 1000.0;
    this.burst = burst;
    this.warnEveryMs = warnEveryMs;
    this.disconnectAfterMs = disconnectAfterMs;
    this.tokens = burst;
  }

  /** Peal's protocol limits: 40 messages/s, bursts of 80, a warning a second, 5 s to hang up. */
  static RateLimiter forPhone() {
    return new RateLimiter(40, 80, 1000, 5000);
  }

  Decision admit(double nowMs) {
    if (!Double.isNaN(lastMs) && nowMs > lastMs) {
      tokens = Math.min(burst, tokens + (nowMs - lastMs) * perMs);
    }
    lastMs = Double.isNaN(lastMs) ? nowMs : Math.max(lastMs, nowMs);

    if (tokens >= 1) {
      tokens -= 1;
      return Decision.ACCEPT;
    }

    if (!flooding || nowMs - lastDropMs > FLOOD_QUIET_MS) {
      flooding = true;
      floodStartMs = nowMs;
    }
    lastDropMs = nowMs;
    if (nowMs - floodStartMs >= disconnectAfterMs) {
      return Decision.DISCONNECT;
    }
    if (nowMs - lastWarnMs >= warnEveryMs) {
      lastWarnMs = nowMs;
      return Decision.DROP_AND_WARN;
    }
    return Decision.DROP;
  }
}
