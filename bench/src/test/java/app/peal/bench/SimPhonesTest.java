package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimPhonesTest {
  @Test
  void shares_underTheCap_oneProcess() {
    assertEquals(List.of(50), SimPhones.shares(50, 64));
  }

  @Test
  void shares_overTheCap_evenSharesThatAddUp() {
    assertEquals(List.of(63, 63, 62, 62), SimPhones.shares(250, 64));
    assertEquals(List.of(50, 50), SimPhones.shares(100, 64));
    assertEquals(List.of(1, 1, 1), SimPhones.shares(3, 1));
  }

  @Test
  void shares_noPhones_saysWhatToGive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimPhones.shares(10, 0));

    assertEquals("need at least one phone and one phone a process, got 10 phones at 0 a"
        + " process; give --phones-per-process 1 or more", e.getMessage());
  }

  @Test
  void logOf_laterProcesses_numberedBesideTheFirst() {
    Path log = Path.of("target/logs/sim-scale-250.log");

    assertEquals(log, SimPhones.logOf(log, 0));
    assertEquals(Path.of("target/logs/sim-scale-250-3.log"), SimPhones.logOf(log, 3));
  }
}
