package app.peal.sound;

/** Magnitude spectrum of PCM samples for tests: Hann window, zero padding, radix-2 FFT. */
final class Spectrum {
  private final double[] magnitudes;
  private final double binHz;

  private Spectrum(double[] magnitudes, double binHz) {
    this.magnitudes = magnitudes;
    this.binHz = binHz;
  }

  /** The spectrum of the first {@code size} samples (a power of two), zero-padded if short. */
  static Spectrum of(short[] samples, int size, double sampleRate) {
    if (Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("fft size " + size + " is not a power of two");
    }
    double[] re = new double[size];
    double[] im = new double[size];
    int used = Math.min(samples.length, size);
    for (int i = 0; i < used; i++) {
      double hann = 0.5 * (1 - Math.cos(2 * Math.PI * i / (used - 1)));
      re[i] = samples[i] * hann;
    }

    fft(re, im);

    double[] magnitudes = new double[size / 2];
    for (int k = 0; k < magnitudes.length; k++) {
      magnitudes[k] = Math.hypot(re[k], im[k]);
    }
    return new Spectrum(magnitudes, sampleRate / size);
  }

  /** The frequency of the strongest peak between two frequencies, refined between bins. */
  double peakHz(double fromHz, double toHz) {
    int peak = peakBin(fromHz, toHz);
    double left = Math.log(magnitudes[peak - 1] + 1e-12);
    double centre = Math.log(magnitudes[peak] + 1e-12);
    double right = Math.log(magnitudes[peak + 1] + 1e-12);
    double offset = 0.5 * (left - right) / (left - 2 * centre + right);
    return (peak + offset) * binHz;
  }

  /** The height of the strongest peak between two frequencies. */
  double peakMagnitude(double fromHz, double toHz) {
    return magnitudes[peakBin(fromHz, toHz)];
  }

  private int peakBin(double fromHz, double toHz) {
    int from = Math.max(1, (int) Math.ceil(fromHz / binHz));
    int to = Math.min(magnitudes.length - 2, (int) Math.floor(toHz / binHz));
    int peak = from;
    for (int k = from; k <= to; k++) {
      if (magnitudes[k] > magnitudes[peak]) {
        peak = k;
      }
    }
    return peak;
  }

  private static void fft(double[] re, double[] im) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        swap(re, i, j);
        swap(im, i, j);
      }
    }

    for (int length = 2; length <= n; length <<= 1) {
      double angle = -2 * Math.PI / length;
      for (int start = 0; start < n; start += length) {
        for (int k = 0; k < length / 2; k++) {
          double wr = Math.cos(angle * k);
          double wi = Math.sin(angle * k);
          int a = start + k;
          int b = a + length / 2;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }

  private static void swap(double[] values, int i, int j) {
    double kept = values[i];
    values[i] = values[j];
    values[j] = kept;
  }
}
