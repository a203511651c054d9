package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void percentile_betweenRanks_interpolatesLinearly() {
    double[] sorted = {1, 2, 3, 4, 5};

    assertEquals(3, Stats.percentile(sorted, 50), 1e-12);
    assertEquals(4.8, Stats.percentile(sorted, 95), 1e-12);
    assertEquals(1, Stats.percentile(sorted, 0), 1e-12);
    assertEquals(5, Stats.percentile(sorted, 100), 1e-12);
  }

  @Test
  void of_unsortedValues_summarises() {
    Stats s = Stats.of(List.of(10.0, 0.0, 5.0, 20.0));

    assertEquals(4, s.count());
    assertEquals(7.5, s.p50(), 1e-12);
    assertEquals(20, s.max(), 1e-12);
    assertEquals(8.75, s.mean(), 1e-12);
  }

  @Test
  void of_noValues_isEmpty() {
    assertEquals(0, Stats.of(List.of()).count());
    assertEquals(Double.NaN, Stats.of(List.of()).p95());
  }

  @Test
  void percentile_outOfRange_throwsWithValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Stats.percentile(new double[] {1}, 101));

    assertEquals("percentile 101.0 is not in 0..100", e.getMessage());
  }

  @Test
  void spread_instants_isMaxMinusMin() {
    assertEquals(7.5, Stats.spread(List.of(100.0, 92.5, 95.0)), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Stats.spread(List.of()));
  }
}
