package app.peal.bench;

import java.util.List;

/**
 * A simulated network between phones and the console, one {@link Direction} each way. Wi-Fi
 * delay is a floor plus a queueing tail, now and then a long spike, and on the way down a
 * power-saving phone that has been quiet hears nothing until the access point's next beacon.
 */
public record Profile(String name, Direction up, Direction down) {
  public static final List<String> NAMES = List.of("lan", "wifi", "party-wifi");

  /**
   * One direction's delay model, all in milliseconds.
   *
   * @param floorMs the least a packet ever takes
   * @param tailMs mean of the exponential queueing delay on top of the floor
   * @param spikeChance probability that a packet is stalled for a spike
   * @param spikeMinMs shortest spike
   * @param spikeMaxMs longest spike
   * @param idleMs a link quiet for this long is asleep (power saving); 0 disables it
   * @param beaconMs a sleeping link hears its buffered packets at the next beacon
   */
  public record Direction(
      double floorMs,
      double tailMs,
      double spikeChance,
      double spikeMinMs,
      double spikeMaxMs,
      double idleMs,
      double beaconMs) {
    public Direction {
      if (floorMs < 0 || tailMs < 0 || spikeMinMs < 0 || spikeMaxMs < spikeMinMs) {
        throw new IllegalArgumentException("delays must be >= 0 and spikeMin <= spikeMax, got "
            + "floor " + floorMs + ", tail " + tailMs + ", spikes " + spikeMinMs + ".."
            + spikeMaxMs);
      }
      if (spikeChance < 0 || spikeChance > 1) {
        throw new IllegalArgumentException("spikeChance " + spikeChance + " is not in 0..1");
      }
      if (idleMs > 0 && !(beaconMs > 0)) {
        throw new IllegalArgumentException("power saving after " + idleMs
            + " ms idle needs a beacon interval > 0, got " + beaconMs);
      }
    }

    static Direction steady(double floorMs, double tailMs) {
      return new Direction(floorMs, tailMs, 0, 0, 0, 0, 0);
    }

    /** The mean delay of an awake link, spikes included. */
    public double meanMs() {
      return floorMs + tailMs + spikeChance * (spikeMinMs + spikeMaxMs) / 2;
    }
  }

  /**
   * The named profiles of the benchmark.
   *
   * <ul>
   *   <li>{@code lan}: 2 ms +- 1 each way.
   *   <li>{@code wifi}: 15 ms +- 10 on average, the uplink slower than the downlink.
   *   <li>{@code party-wifi}: 40 ms +- 35, 2 % spikes of 100 to 300 ms each way, and a
   *       downlink that sleeps after 100 ms of quiet until the next 102.4 ms beacon, so
   *       packets are held and released together.
   * </ul>
   */
  public static Profile named(String name) {
    return switch (name) {
      case "lan" -> new Profile(name, Direction.steady(1, 1), Direction.steady(1, 1));
      case "wifi" -> new Profile(name, Direction.steady(8, 9), Direction.steady(5, 8));
      case "party-wifi" -> new Profile(name,
          new Direction(14, 28, 0.02, 100, 300, 0, 0),
          new Direction(10, 28, 0.02, 100, 300, 100, 102.4));
      default -> throw new IllegalArgumentException("unknown network profile '" + name
          + "'; choose one of " + String.join(", ", NAMES));
    };
  }
}
