package app.peal.sound;

import app.peal.music.Pitch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders handbell tones as 16-bit mono PCM at 44.1 kHz: a strong fundamental, the twelfth above
 * it (three times the frequency, the overtone handbells are tuned to), and a faint shimmer near
 * five and six times, struck with a short attack and left to die away exponentially. Works
 * headless; nothing here touches a sound device.
 */
public final class BellSynth {
  static final float SAMPLE_RATE = 44_100f;
  static final AudioFormat FORMAT =
      new AudioFormat(SAMPLE_RATE, 16, 1, /* signed= */ true, /* bigEndian= */ false);

  /** -3 dBFS of full scale: loud, with headroom for the player's own mixing. */
  static final double PEAK = 32767 * Math.pow(10, -3 / 20.0);

  private static final double ATTACK_S = 0.003;
  private static final double RELEASE_S = 0.060;
  private static final double LONGEST_RING_S = 2.0;
  private static final double SHORTEST_RING_S = 1.2;

  /** Ratio to the fundamental, relative amplitude, and how many times faster it decays. */
  private record Partial(double ratio, double amplitude, double decaySpeed) {}

  // Slightly stretched upper partials beat gently against each other, which is the shimmer.
  private static final List<Partial> PARTIALS = List.of(
      new Partial(1.0, 1.0, 1.0),
      new Partial(3.0, 0.40, 1.7),
      new Partial(5.04, 0.07, 2.6),
      new Partial(6.11, 0.045, 3.2));

  private BellSynth() {}

  /** How long a bell rings: two seconds at middle C and below, less for higher bells. */
  static double ringSeconds(Pitch pitch) {
    double seconds = LONGEST_RING_S - 0.025 * (pitch.midi() - 60);
    return Math.max(SHORTEST_RING_S, Math.min(LONGEST_RING_S, seconds));
  }

  /** One bell, peak-normalised to {@link #PEAK}. */
  static short[] render(Pitch pitch) {
    Objects.requireNonNull(pitch, "pitch");
    return toPcm(tone(pitch));
  }

  /**
   * A phrase of bells mixed into one buffer, each starting {@code atMs} after the start, the
   * whole mix peak-normalised to {@link #PEAK}.
   */
  static short[] renderPhrase(List<BellStrike> strikes) {
    if (strikes.isEmpty()) {
      throw new IllegalArgumentException("a phrase needs at least one bell strike, got none");
    }
    for (BellStrike strike : strikes) {
      if (strike.atMs() < 0) {
        throw new IllegalArgumentException(
            "bell " + strike.pitch() + " at " + strike.atMs() + " ms: offsets start at 0");
      }
    }

    int length = 0;
    for (BellStrike strike : strikes) {
      int end = startSample(strike) + (int) Math.round(ringSeconds(strike.pitch()) * SAMPLE_RATE);
      length = Math.max(length, end);
    }
    double[] mix = new double[length];
    for (BellStrike strike : strikes) {
      double[] tone = tone(strike.pitch());
      int start = startSample(strike);
      for (int i = 0; i < tone.length; i++) {
        mix[start + i] += tone[i];
      }
    }
    return toPcm(mix);
  }

  /** Writes one bell as a WAV file, replacing any file already there. */
  public static void writeWav(Pitch pitch, Path file) throws IOException {
    write(render(pitch), file);
  }

  /** Writes a phrase of bells (offsets in ms from its start) as one WAV file. */
  public static void writePhraseWav(List<BellStrike> strikes, Path file) throws IOException {
    write(renderPhrase(strikes), file);
  }

  private static int startSample(BellStrike strike) {
    return (int) Math.round(strike.atMs() / 1000.0 * SAMPLE_RATE);
  }

  private static double[] tone(Pitch pitch) {
    double ring = ringSeconds(pitch);
    int length = (int) Math.round(ring * SAMPLE_RATE);
    // About -40 dB by the end of the ring, before the release fades out what is left.
    double timeConstant = ring / 4.6;
    double nyquist = SAMPLE_RATE / 2.0;

    double[] out = new double[length];
    for (Partial partial : PARTIALS) {
      double hz = pitch.frequency() * partial.ratio();
      // A partial above Nyquist would fold back as an unrelated, out-of-tune tone.
      if (hz >= nyquist * 0.95) {
        continue;
      }
      double step = 2 * Math.PI * hz / SAMPLE_RATE;
      double decayPerSample = Math.exp(-partial.decaySpeed() / (timeConstant * SAMPLE_RATE));
      double amplitude = partial.amplitude();
      for (int i = 0; i < length; i++) {
        out[i] += amplitude * Math.sin(step * i);
        amplitude *= decayPerSample;
      }
    }
    shapeEnds(out);
    return out;
  }

  /** Raised-cosine attack and release, so neither end of the sound clicks. */
  private static void shapeEnds(double[] samples) {
    int attack = (int) Math.round(ATTACK_S * SAMPLE_RATE);
    int release = Math.min((int) Math.round(RELEASE_S * SAMPLE_RATE), samples.length / 2);
    for (int i = 0; i < attack; i++) {
      samples[i] *= 0.5 * (1 - Math.cos(Math.PI * i / attack));
    }
    for (int i = 0; i < release; i++) {
      int index = samples.length - 1 - i;
      samples[index] *= 0.5 * (1 - Math.cos(Math.PI * i / release));
    }
  }

  private static short[] toPcm(double[] samples) {
    double peak = 0;
    for (double sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    double scale = peak == 0 ? 0 : PEAK / peak;

    short[] pcm = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      pcm[i] = (short) Math.round(samples[i] * scale);
    }
    return pcm;
  }

  static void write(short[] pcm, Path file) throws IOException {
    byte[] bytes = new byte[pcm.length * 2];
    for (int i = 0; i < pcm.length; i++) {
      bytes[2 * i] = (byte) pcm[i];
      bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
    }
    try (AudioInputStream stream =
        new AudioInputStream(new ByteArrayInputStream(bytes), FORMAT, pcm.length)) {
      AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
    }
  }
}
