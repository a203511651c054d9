package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void percent_share_roundsToWholePercent() {
    assertEquals("87%", Format.percent(0.8749));
    assertEquals("0%", Format.percent(0));
    assertEquals("—", Format.percent(Double.NaN));
  }

  @Test
  void millisAndPlusMinus_unknown_showDash() {
    assertEquals("42 ms", Format.millis(41.6));
    assertEquals("—", Format.millis(Double.NaN));
    assertEquals("±3.1 ms", Format.plusMinus(3.14));
    assertEquals("±18 ms", Format.plusMinus(17.6));
    assertEquals("—", Format.plusMinus(Double.NaN));
  }

  @Test
  void clock_milliseconds_showsMinutesAndSeconds() {
    assertEquals("1:23", Format.clock(83_400));
    assertEquals("0:00", Format.clock(-500));
  }

  @Test
  void tempo_bpmAndMetre_readsAsOneLine() {
    assertEquals("97 bpm · 3/4", Format.tempo(96.6, 3, 4));
  }
}
