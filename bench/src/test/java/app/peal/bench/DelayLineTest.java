package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DelayLineTest {
  private static final Profile.Direction PARTY = Profile.named("party-wifi").down();

  private static double[] releases(DelayLine line, int n, double gapMs) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = line.releaseAt(i * gapMs, i * gapMs);
    }
    return out;
  }

  @Test
  void releaseAt_sameSeed_sameDelays() {
    double[] a = releases(new DelayLine(PARTY, 42), 500, 5);
    double[] b = releases(new DelayLine(PARTY, 42), 500, 5);
    double[] c = releases(new DelayLine(PARTY, 43), 500, 5);

    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c));
  }

  @Test
  void releaseAt_manyChunks_neverBeforeFloorNorOutOfOrder() {
    DelayLine line = new DelayLine(PARTY, 7);
    double previous = Double.NEGATIVE_INFINITY;

    for (int i = 0; i < 5000; i++) {
      double arrival = i * 2.0;
      double release = line.releaseAt(arrival, arrival);

      assertTrue(release >= arrival + PARTY.floorMs(), "chunk " + i + " beat the floor");
      assertTrue(release >= previous, "chunk " + i + " overtook the one before");
      previous = release;
    }
  }

  @Test
  void releaseAt_farApartChunks_haveAdvertisedMean() {
    Profile.Direction up = Profile.named("party-wifi").up();
    DelayLine line = new DelayLine(up, 3);
    int n = 20_000;
    double sum = 0;

    for (int i = 0; i < n; i++) {
      // Far apart, so no chunk queues behind another.
      double arrival = i * 10_000.0;
      sum += line.releaseAt(arrival, arrival) - arrival;
    }

    assertEquals(up.meanMs(), sum / n, 1.5);
  }

  @Test
  void releaseAt_spikes_comeAtTheirRateAndSize() {
    Profile.Direction spiky = new Profile.Direction(10, 0, 0.02, 100, 300, 0, 0);
    DelayLine line = new DelayLine(spiky, 5);
    int n = 20_000;
    int spikes = 0;

    for (int i = 0; i < n; i++) {
      double arrival = i * 10_000.0;
      double delay = line.releaseAt(arrival, arrival) - arrival;
      assertTrue(delay == 10 || (delay >= 110 && delay <= 310), "delay " + delay);
      spikes += delay > 10 ? 1 : 0;
    }

    assertEquals(0.02, spikes / (double) n, 0.004);
  }

  @Test
  void releaseAt_idleLink_heldUntilNextBeacon() {
    DelayLine line = new DelayLine(PARTY, 11);
    double arrival = 10_000;

    double asleep = line.releaseAt(arrival, arrival - 500);
    double beacon = line.nextBeacon(arrival);

    assertTrue(beacon >= arrival && beacon < arrival + PARTY.beaconMs());
    assertTrue(asleep >= beacon + PARTY.floorMs());
  }
}
