package app.peal.sound;

import app.peal.music.Pitch;
import app.peal.sync.RoomClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * A hand-run check of the real playback path, kept out of the test suite on purpose: it only
 * passes where ALSA can open a device. Point ALSA at its null device and run it with the test
 * classpath; it exits 0 when the probe found sound, every bell rang and no media error escaped.
 *
 * <pre>
 * printf 'pcm.!default { type null }\n' &gt; /tmp/null-alsa.conf
 * ALSA_CONFIG_PATH=/usr/share/alsa/alsa.conf:/tmp/null-alsa.conf java \
 *   -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *   -cp console/target/classes:console/target/test-classes:&lt;JavaFX jars&gt; \
 *   app.peal.sound.NullAlsaPlaybackCheck
 * </pre>
 */
final class NullAlsaPlaybackCheck {
  private NullAlsaPlaybackCheck() {}

  public static void main(String[] args) throws Exception {
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
    FxRuntime.start();

    AudioProbe.Result probe = AudioProbe.probe();
    System.err.println("probe: available=" + probe.available() + ", reason: " + probe.reason());
    int played = 0;
    int expected = 0;
    if (probe.available()) {
      try (BellSounds sounds = BellSounds.inTempDirectory()) {
        List<BellStrike> phrase = jingleBellsOpening();
        sounds.prepare(phrase.stream().map(BellStrike::pitch).toList());
        RoomClock clock = RoomClock.system();
        List<BellStrike> song = new ArrayList<>();
        double start = clock.nowMs() + 200;
        phrase.forEach(strike -> song.add(new BellStrike(strike.pitch(), start + strike.atMs())));

        ConsoleRinger ringer = ConsoleRinger.start(song, clock, sounds);
        ringer.awaitFinished(10, TimeUnit.SECONDS);
        Thread.sleep(2000);
        played = ringer.played();
        expected = song.size();
      }
    }

    System.err.println("played " + played + " of " + expected + ", escaped errors: " + escaped);
    Platform.exit();
    boolean passed = probe.available() && played == expected && escaped.isEmpty();
    System.exit(passed ? 0 : 1);
  }

  /** "E E E-, E E E-" at 120 beats a minute: a beat is 500 ms. */
  static List<BellStrike> jingleBellsOpening() {
    Pitch e4 = Pitch.parse("E4");
    List<BellStrike> phrase = new ArrayList<>();
    for (double beat : new double[] {0, 1, 2, 4, 5, 6}) {
      phrase.add(new BellStrike(e4, beat * 500));
    }
    return phrase;
  }
}
