package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Pitch;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BellSynthTest {
  private static final int RATE = 44_100;
  private static final int FFT_SIZE = 1 << 17;
  private static final int TENTH_OF_A_SECOND = RATE / 10;

  @ParameterizedTest
  @ValueSource(strings = {"C4", "A4", "C6"})
  void render_pitch_fundamentalWithinHalfPercent(String name) {
    Pitch pitch = Pitch.parse(name);

    Spectrum spectrum = Spectrum.of(BellSynth.render(pitch), FFT_SIZE, RATE);

    double measured = spectrum.peakHz(20, RATE / 2.0);
    assertEquals(pitch.frequency(), measured, pitch.frequency() * 0.005, name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C4", "A4", "C6"})
  void render_pitch_strongestOvertoneIsTheTwelfth(String name) {
    Pitch pitch = Pitch.parse(name);
    double fundamental = pitch.frequency();

    Spectrum spectrum = Spectrum.of(BellSynth.render(pitch), FFT_SIZE, RATE);

    double overtone = spectrum.peakHz(1.5 * fundamental, RATE / 2.0);
    double overtoneLevel = spectrum.peakMagnitude(1.5 * fundamental, RATE / 2.0);
    double fundamentalLevel = spectrum.peakMagnitude(0.5 * fundamental, 1.5 * fundamental);
    assertAll(
        () -> assertEquals(3 * fundamental, overtone, 3 * fundamental * 0.01, name),
        () -> assertTrue(overtoneLevel < fundamentalLevel,
            name + ": overtone " + overtoneLevel + " louder than " + fundamentalLevel));
  }

  @ParameterizedTest
  @ValueSource(strings = {"C4", "A4", "C6"})
  void render_pitch_dyingAwayToAFractionOfTheStrike(String name) {
    short[] samples = BellSynth.render(Pitch.parse(name));

    double first = rms(samples, 0, TENTH_OF_A_SECOND);
    double last = rms(samples, samples.length - TENTH_OF_A_SECOND, samples.length);

    assertTrue(last < first / 30, name + ": last 100 ms rms " + last + ", first " + first);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C4", "A4", "C6"})
  void render_pitch_peaksNearMinusThreeDbfsWithoutClipping(String name) {
    short[] samples = BellSynth.render(Pitch.parse(name));

    int peak = 0;
    for (short sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }

    double dbfs = 20 * Math.log10(peak / 32768.0);
    assertEquals(-3.0, dbfs, 0.1, name + " peak " + peak);
  }

  @ParameterizedTest
  @ValueSource(strings = {"C4", "A4", "C6"})
  void render_pitch_startsAndEndsWithoutAClick(String name) {
    short[] samples = BellSynth.render(Pitch.parse(name));

    int firstMs = RATE / 1000;
    double startRms = rms(samples, 0, firstMs / 4);
    double endRms = rms(samples, samples.length - firstMs, samples.length);

    assertAll(
        () -> assertEquals(0, samples[0], name + " first sample"),
        () -> assertEquals(0, samples[samples.length - 1], name + " last sample"),
        () -> assertTrue(startRms < 2000, name + ": first 0.25 ms rms " + startRms),
        () -> assertTrue(endRms < 30, name + ": last 1 ms rms " + endRms));
  }

  @Test
  void ringSeconds_higherBell_ringsShorterWithinRange() {
    double low = BellSynth.ringSeconds(Pitch.parse("C4"));
    double high = BellSynth.ringSeconds(Pitch.parse("C6"));

    assertAll(
        () -> assertTrue(high < low, "C6 " + high + " s, C4 " + low + " s"),
        () -> assertTrue(low <= 2.0 && high >= 1.2, "C6 " + high + " s, C4 " + low + " s"),
        () -> assertEquals(Math.round(low * RATE), BellSynth.render(Pitch.parse("C4")).length));
  }

  @Test
  void writeWav_pitch_readsBackAsMono16Bit44kWithEveryFrame(@TempDir Path dir) throws Exception {
    Pitch pitch = Pitch.parse("A4");
    Path file = dir.resolve("a4.wav");

    BellSynth.writeWav(pitch, file);

    try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat format = in.getFormat();
      byte[] bytes = in.readAllBytes();
      short[] expected = BellSynth.render(pitch);
      int middle = expected.length / 2;
      short readBack = (short) ((bytes[2 * middle] & 0xff) | (bytes[2 * middle + 1] << 8));
      assertAll(
          () -> assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding()),
          () -> assertEquals(44_100f, format.getSampleRate()),
          () -> assertEquals(16, format.getSampleSizeInBits()),
          () -> assertEquals(1, format.getChannels()),
          () -> assertEquals(expected.length, in.getFrameLength()),
          () -> assertEquals(expected.length * 2, bytes.length),
          () -> assertEquals(expected[middle], readBack));
    }
  }

  @Test
  void renderPhrase_laterStrike_silentUntilItsOffset() {
    Pitch pitch = Pitch.parse("E4");

    short[] samples = BellSynth.renderPhrase(List.of(new BellStrike(pitch, 250)));

    int start = RATE / 4;
    assertAll(
        () -> assertEquals(0, rms(samples, 0, start)),
        () -> assertTrue(rms(samples, start, start + TENTH_OF_A_SECOND) > 5000),
        () -> assertEquals(start + BellSynth.render(pitch).length, samples.length));
  }

  @Test
  void renderPhrase_overlappingStrikes_mixedWithoutClipping() {
    Pitch pitch = Pitch.parse("G4");
    List<BellStrike> unison = List.of(new BellStrike(pitch, 0), new BellStrike(pitch, 0));

    short[] samples = BellSynth.renderPhrase(unison);

    int peak = 0;
    for (short sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    assertEquals(Math.round(BellSynth.PEAK), peak, 1);
  }

  @Test
  void renderPhrase_negativeOffset_throwsNamingTheBell() {
    List<BellStrike> strikes = List.of(new BellStrike(Pitch.parse("D5"), -10));

    var e = assertThrows(IllegalArgumentException.class, () -> BellSynth.renderPhrase(strikes));

    assertEquals("bell D5 at -10.0 ms: offsets start at 0", e.getMessage());
  }

  @Test
  void renderPhrase_noStrikes_throws() {
    var e = assertThrows(IllegalArgumentException.class, () -> BellSynth.renderPhrase(List.of()));

    assertEquals("a phrase needs at least one bell strike, got none", e.getMessage());
  }

  private static double rms(short[] samples, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
