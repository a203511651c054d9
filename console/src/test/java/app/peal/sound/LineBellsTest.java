package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Pitch;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The headless console's mixer, stepped by hand into a buffer instead of a sound line. */
class LineBellsTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final LineBells bells = new LineBells((block, length) -> out.write(block, 0, length),
      () -> { });

  private short[] mixed() {
    byte[] bytes = out.toByteArray();
    short[] pcm = new short[bytes.length / 2];
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
    }
    return pcm;
  }

  @Test
  void mixBlock_nothingRung_writesSilence() {
    bells.mixBlock();

    short[] pcm = mixed();
    assertEquals(LineBells.BLOCK_FRAMES, pcm.length);
    for (short s : pcm) {
      assertEquals(0, s);
    }
  }

  @Test
  void ring_twoBellsAtOnce_bothPitchesSoundInTheMix() {
    bells.ring(Pitch.parse("A4"));
    bells.ring(Pitch.parse("E5"));

    for (int i = 0; i < 64; i++) {
      bells.mixBlock();
    }

    Spectrum spectrum = Spectrum.of(mixed(), 16384, BellSynth.SAMPLE_RATE);
    assertEquals(440.0, spectrum.peakHz(400, 480), 2.0);
    assertEquals(659.26, spectrum.peakHz(620, 700), 2.0);
  }

  @Test
  void ring_afterSomeSilence_startsAtTheNextBlock() {
    bells.mixBlock();
    bells.mixBlock();

    bells.ring(Pitch.parse("C5"));
    bells.mixBlock();

    short[] pcm = mixed();
    for (int i = 0; i < 2 * LineBells.BLOCK_FRAMES; i++) {
      assertEquals(0, pcm[i], "silent before the ring, sample " + i);
    }
    int loud = 0;
    for (int i = 2 * LineBells.BLOCK_FRAMES; i < pcm.length; i++) {
      loud = Math.max(loud, Math.abs(pcm[i]));
    }
    assertTrue(loud > 10_000, "the bell strikes in its first block: peak " + loud);
  }

  @Test
  void ring_manyBellsTogether_clipsInsteadOfWrapping() {
    for (int i = 0; i < 8; i++) {
      bells.ring(Pitch.parse("C4"));
    }

    for (int i = 0; i < 8; i++) {
      bells.mixBlock();
    }

    short[] pcm = mixed();
    int positives = 0;
    int maxed = 0;
    for (short s : pcm) {
      positives += s > 0 ? 1 : 0;
      maxed += s == Short.MAX_VALUE || s == Short.MIN_VALUE ? 1 : 0;
    }
    assertTrue(maxed > 0, "eight bells in phase reach full scale");
    assertTrue(positives > pcm.length / 3, "clipped, not wrapped round to the other sign");
  }

  @Test
  void ring_afterClose_isIgnored() {
    bells.close();

    bells.ring(Pitch.parse("C4"));
    bells.mixBlock();

    for (short s : mixed()) {
      assertEquals(0, s);
    }
  }
}
