package app.peal.net;

import static app.peal.net.RateLimiter.Decision.ACCEPT;
import static app.peal.net.RateLimiter.Decision.DISCONNECT;
import static app.peal.net.RateLimiter.Decision.DROP;
import static app.peal.net.RateLimiter.Decision.DROP_AND_WARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void admit_burstOf80AtOnce_acceptsAllThenWarns() {
    RateLimiter limiter = RateLimiter.forPhone();

    List<RateLimiter.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 82; i++) {
      decisions.add(limiter.admit(100));
    }

    assertEquals(Collections.nCopies(80, ACCEPT), decisions.subList(0, 80));
    assertEquals(DROP_AND_WARN, decisions.get(80));
    assertEquals(DROP, decisions.get(81));
  }

  @Test
  void admit_steady40PerSecond_neverDrops() {
    RateLimiter limiter = RateLimiter.forPhone();

    for (int i = 0; i < 2000; i++) {
      assertEquals(ACCEPT, limiter.admit(i * 25.0), "message " + i);
    }
  }

  @Test
  void admit_afterEmptyBucket_refillsAt40PerSecond() {
    RateLimiter limiter = RateLimiter.forPhone();
    for (int i = 0; i < 80; i++) {
      limiter.admit(0);
    }

    RateLimiter.Decision tooSoon = limiter.admit(20);
    RateLimiter.Decision afterOneToken = limiter.admit(26);

    assertEquals(DROP_AND_WARN, tooSoon);
    assertEquals(ACCEPT, afterOneToken);
  }

  @Test
  void admit_floodingSteadily_warnsOncePerSecondAndDisconnectsAfterFiveSeconds() {
    RateLimiter limiter = RateLimiter.forPhone();

    List<Double> warnings = new ArrayList<>();
    double disconnectedAt = -1;
    // 100 messages per second, well over the limit, for up to 10 s.
    for (int i = 0; i < 1000 && disconnectedAt < 0; i++) {
      double now = i * 10.0;
      RateLimiter.Decision decision = limiter.admit(now);
      if (decision == DROP_AND_WARN) {
        warnings.add(now);
      } else if (decision == DISCONNECT) {
        disconnectedAt = now;
      }
    }

    double firstDrop = warnings.get(0);
    assertEquals(firstDrop + 5000, disconnectedAt, 10.0);
    for (int i = 1; i < warnings.size(); i++) {
      assertTrue(warnings.get(i) - warnings.get(i - 1) >= 1000, "warnings " + warnings);
    }
    assertEquals(5, warnings.size());
  }

  @Test
  void admit_floodThatPausesForTwoSeconds_startsCountingAgain() {
    RateLimiter limiter = new RateLimiter(1, 1, 1000, 5000);
    limiter.admit(0);
    limiter.admit(1);
    limiter.admit(4000);
    limiter.admit(4001);

    // 4001 ms is a drop 4 s after the first drop, but the flood had paused in between.
    RateLimiter.Decision later = limiter.admit(6000);
    RateLimiter.Decision again = limiter.admit(6001);

    assertEquals(ACCEPT, later);
    assertEquals(DROP_AND_WARN, again);
  }

  @Test
  void constructor_zeroRate_throwsWithValues() {
    IllegalArgumentException thrown =
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 5, 1000, 5000));

    assertEquals("rate 0.0/s with burst 5.0 admits nothing; both must be ≥ 1",
        thrown.getMessage());
  }
}
