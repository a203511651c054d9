package app.peal.sound;

import app.peal.music.Pitch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The console's bells through {@code javax.sound.sampled}, for the headless console, which has
 * no JavaFX toolkit to play media with. A mixer thread sums the bells still ringing into short
 * blocks and writes them to the sound line, whose blocking write keeps the pace.
 */
public final class LineBells implements BellPlayer, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LineBells.class.getName());
  /** Frames per mixed block: 5.8 ms, so a bell starts within a block of its instant. */
  static final int BLOCK_FRAMES = 256;
  /** The line's own buffer; what it holds is the delay from ring() to the speaker. */
  private static final int LINE_BUFFER_FRAMES = 4 * BLOCK_FRAMES;
  private static final int MAX_VOICES = 24;

  /** Where mixed blocks go: the sound line, or a test's buffer. */
  interface Sink {
    void write(byte[] block, int length);
  }

  private final Sink sink;
  private final Map<Pitch, short[]> tones = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<short[]> struck = new ConcurrentLinkedQueue<>();
  private final List<Voice> voices = new ArrayList<>();
  private final byte[] block = new byte[BLOCK_FRAMES * 2];
  private final Runnable onClose;
  private volatile boolean closed;

  private static final class Voice {
    final short[] samples;
    int next;

    Voice(short[] samples) {
      this.samples = samples;
    }
  }

  LineBells(Sink sink, Runnable onClose) {
    this.sink = sink;
    this.onClose = onClose;
  }

  /**
   * Opens the default sound line and starts mixing; empty, with one log line, when the machine
   * has no line to play on.
   */
  public static Optional<LineBells> open() {
    SourceDataLine line;
    try {
      line = AudioSystem.getSourceDataLine(BellSynth.FORMAT);
      line.open(BellSynth.FORMAT, LINE_BUFFER_FRAMES * 2);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      LOG.log(System.Logger.Level.INFO, "no sound line ({0}); the console's bells are silent",
          e.toString());
      return Optional.empty();
    }
    line.start();
    LineBells bells = new LineBells((bytes, length) -> line.write(bytes, 0, length), () -> {
      line.stop();
      line.close();
    });
    Thread mixer = new Thread(bells::mixUntilClosed, "peal-bell-mixer");
    mixer.setDaemon(true);
    mixer.setPriority(Thread.MAX_PRIORITY);
    mixer.start();
    return Optional.of(bells);
  }

  /** Renders the given bells now, so that their first ring is not delayed by rendering. */
  public void prepare(Iterable<Pitch> pitches) {
    pitches.forEach(this::tone);
  }

  @Override
  public void ring(Pitch pitch) {
    if (!closed) {
      struck.add(tone(pitch));
    }
  }

  @Override
  public void close() {
    closed = true;
  }

  private short[] tone(Pitch pitch) {
    return tones.computeIfAbsent(pitch, BellSynth::render);
  }

  private void mixUntilClosed() {
    try {
      while (!closed) {
        mixBlock();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "the bell mixer stopped; the console's bells are silent",
          e);
    } finally {
      onClose.run();
    }
  }

  /** Mixes and writes one block; package-private so tests can step the mixer by hand. */
  void mixBlock() {
    for (short[] samples; (samples = struck.poll()) != null; ) {
      // A burst beyond what anyone could hear apart drops the oldest bell, not the newest.
      if (voices.size() == MAX_VOICES) {
        voices.remove(0);
      }
      voices.add(new Voice(samples));
    }

    for (int frame = 0; frame < BLOCK_FRAMES; frame++) {
      int sum = 0;
      for (Voice v : voices) {
        if (v.next < v.samples.length) {
          sum += v.samples[v.next++];
        }
      }
      // Each bell peaks at -3 dBFS; several at their peak together are clipped, not wrapped.
      short sample = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
      block[2 * frame] = (byte) sample;
      block[2 * frame + 1] = (byte) (sample >> 8);
    }
    voices.removeIf(v -> v.next >= v.samples.length);

    sink.write(block, block.length);
  }
}
