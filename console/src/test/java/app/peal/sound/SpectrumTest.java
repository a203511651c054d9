package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The measuring tool of the synth tests, checked on a tone whose pitch is known exactly. */
class SpectrumTest {

  @Test
  void peakHz_pureSine_findsItsFrequency() {
    short[] samples = new short[44_100];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * 1234.5 * i / 44_100));
    }

    Spectrum spectrum = Spectrum.of(samples, 1 << 17, 44_100);

    assertEquals(1234.5, spectrum.peakHz(100, 20_000), 0.1);
  }
}
