package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AudioProbeTest {

  @BeforeAll
  static void startToolkit() {
    FxRuntime.start();
  }

  @Test
  void probe_testJvmWithoutSoundCard_reportsOnceWithoutLeakingErrors() throws Exception {
    List<Throwable> escaped = new CopyOnWriteArrayList<>();
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> escaped.add(e));
    Logger log = Logger.getLogger(AudioProbe.class.getName());
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    log.addHandler(recorder);

    AudioProbe.Result result;
    try {
      result = AudioProbe.probe();
      // A media error, had one escaped, would arrive on a media thread shortly after.
      Thread.sleep(1500);
    } finally {
      log.removeHandler(recorder);
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }

    AudioProbe.Result probed = result;
    if (probed.available()) {
      assertAll(
          () -> assertEquals(List.of(), escaped),
          () -> assertEquals("", probed.notice()),
          () -> assertEquals(List.of(), logged));
    } else {
      assertAll(
          () -> assertEquals(List.of(), escaped),
          () -> assertFalse(probed.reason().isBlank()),
          () -> assertEquals(AudioProbe.Result.SILENT_NOTICE, probed.notice()),
          () -> assertEquals(1, logged.size()),
          () -> assertEquals(Level.INFO, logged.get(0).getLevel()),
          () -> assertEquals(
              "No sound device: the console's bells are silent (" + probed.reason() + ")",
              new SimpleFormatter().formatMessage(logged.get(0))));
    }
  }

  @Test
  void result_silentWithoutReason_throws() {
    var e = assertThrows(IllegalArgumentException.class, () -> new AudioProbe.Result(false, " "));

    assertEquals("a silent result needs a reason, got ' '", e.getMessage());
  }

  @Test
  void result_silent_showsTheNoticeAndKeepsTheReason() {
    AudioProbe.Result result = AudioProbe.Result.silent("no ALSA device");

    assertAll(
        () -> assertFalse(result.available()),
        () -> assertEquals("no ALSA device", result.reason()),
        () -> assertEquals("No sound device: the console's bells are silent", result.notice()));
  }

  @Test
  void result_sounding_hasNoNoticeNorReason() {
    AudioProbe.Result result = new AudioProbe.Result(true, "ignored");

    assertAll(
        () -> assertTrue(result.available()),
        () -> assertEquals("", result.reason()),
        () -> assertEquals("", result.notice()));
  }
}
