package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HighwayLayoutTest {
  private final HighwayLayout layout = new HighwayLayout(1280, 700, 8);

  @Test
  void noteY_atItsInstant_sitsOnThePlayLine() {
    double y = layout.noteY(5000, 5000);

    assertEquals(layout.playLineY(), y, 1e-9);
  }

  @Test
  void noteY_lookaheadAway_entersAtTheTop() {
    double y = layout.noteY(5000 + HighwayLayout.LOOKAHEAD_MS, 5000);

    assertEquals(0, y, 1e-9);
  }

  @Test
  void noteY_asTimePasses_fallsAtConstantSpeed() {
    double first = layout.noteY(5000, 3000);
    double second = layout.noteY(5000, 3500);
    double third = layout.noteY(5000, 4000);

    assertTrue(second > first);
    assertEquals(second - first, third - second, 1e-9);
  }

  @Test
  void laneLeft_lanes_areSideBySideAndCentred() {
    double left = layout.laneLeft(0);
    double right = layout.laneLeft(layout.lanes());

    assertEquals(layout.laneWidth(), layout.laneLeft(1) - left, 1e-9);
    assertEquals(1280 - right, left, 1e-9);
    assertTrue(layout.laneWidth() <= HighwayLayout.MAX_LANE_WIDTH);
  }

  @Test
  void playLineY_leavesRoomForLabelsBelow() {
    assertEquals(700 - layout.labelBandHeight(), layout.playLineY(), 1e-9);
    assertTrue(layout.labelBandHeight() > 80);
  }

  @Test
  void constructor_noLanes_throws() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new HighwayLayout(100, 100, 0));

    assertEquals("a highway needs at least one lane, not 0", e.getMessage());
  }
}
