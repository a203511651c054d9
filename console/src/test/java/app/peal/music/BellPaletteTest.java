package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BellPaletteTest {

  private static int[] rgb(String hex) {
    int value = Integer.parseInt(hex.substring(1), 16);
    return new int[] {value >> 16, (value >> 8) & 0xFF, value & 0xFF};
  }

  private static double distance(String a, String b) {
    int[] x = rgb(a);
    int[] y = rgb(b);
    return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2)
        + Math.pow(x[2] - y[2], 2));
  }

  @Test
  void color_anyPitch_isHexRgb() {
    for (int midi = 48; midi <= 96; midi++) {
      assertTrue(BellPalette.color(new Pitch(midi)).matches("#[0-9A-F]{6}"), "midi " + midi);
    }
  }

  @Test
  void color_twelvePitchClasses_areAllDifferent() {
    Set<String> colours = new HashSet<>();

    for (int midi = 60; midi < 72; midi++) {
      colours.add(BellPalette.color(new Pitch(midi)));
    }

    assertEquals(12, colours.size());
  }

  @Test
  void color_semitoneNeighbours_areFarApart() {
    for (int midi = 60; midi < 84; midi++) {
      String here = BellPalette.color(new Pitch(midi));
      String next = BellPalette.color(new Pitch(midi + 1));

      assertTrue(distance(here, next) > 80, "midi " + midi + ": " + here + " vs " + next);
    }
  }

  @Test
  void color_sameNoteInAnotherOctave_isTheSame() {
    assertEquals(BellPalette.color(Pitch.parse("F#4")), BellPalette.color(Pitch.parse("F#6")));
  }

  @Test
  void color_sharp_isADarkerShadeOfItsNatural() {
    int[] natural = rgb(BellPalette.color(Pitch.parse("G4")));
    int[] sharp = rgb(BellPalette.color(Pitch.parse("G#4")));

    for (int c = 0; c < 3; c++) {
      assertTrue(sharp[c] <= natural[c], "channel " + c);
      assertEquals(natural[c] * 0.55, sharp[c], 1.0, "channel " + c);
    }
    assertNotEquals(BellPalette.color(Pitch.parse("G4")), BellPalette.color(Pitch.parse("G#4")));
  }

  @Test
  void textColor_everyPitchClass_readsAtAaContrast() {
    for (int midi = 60; midi < 72; midi++) {
      Pitch pitch = new Pitch(midi);
      String text = BellPalette.textColor(pitch);

      assertTrue(text.equals("#000000") || text.equals("#FFFFFF"), text);
      assertTrue(BellPalette.contrast(BellPalette.color(pitch), text) >= 4.5,
          pitch + " " + BellPalette.color(pitch) + " with " + text);
    }
  }

  @Test
  void textColor_yellowAndDarkSharp_pickDarkAndLight() {
    assertEquals("#000000", BellPalette.textColor(Pitch.parse("E4")));
    assertEquals("#FFFFFF", BellPalette.textColor(Pitch.parse("A#4")));
  }
}
