package app.peal.sound;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Pitch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.media.AudioClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything but {@code play()}, which would need a sound card. */
class BellSoundsTest {

  @BeforeAll
  static void startToolkit() {
    FxRuntime.start();
  }

  @Test
  void clip_firstUse_rendersTheWavOnceAndReusesTheClip(@TempDir Path dir) throws Exception {
    BellSounds sounds = new BellSounds(dir);
    Path wav = dir.resolve("bell-64.wav");
    boolean renderedBefore = Files.exists(wav);

    AudioClip first = sounds.clip(Pitch.parse("E4"));
    long size = Files.size(wav);
    AudioClip second = sounds.clip(Pitch.parse("E4"));

    assertAll(
        () -> assertFalse(renderedBefore),
        () -> assertEquals(44 + 2 * BellSynth.render(Pitch.parse("E4")).length, size),
        () -> assertSame(first, second),
        () -> assertEquals(wav.toUri().toString(), first.getSource()));
  }

  @Test
  void prepare_severalBells_rendersEachOne(@TempDir Path dir) throws Exception {
    BellSounds sounds = new BellSounds(dir);

    sounds.prepare(List.of(Pitch.parse("C4"), Pitch.parse("F#4"), Pitch.parse("C6")));

    try (var files = Files.list(dir)) {
      assertEquals(List.of("bell-60.wav", "bell-66.wav", "bell-84.wav"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void close_afterRendering_deletesTheDirectory() throws Exception {
    BellSounds sounds = BellSounds.inTempDirectory();
    sounds.prepare(List.of(Pitch.parse("A4")));
    Path dir = sounds.directory();
    boolean existedBefore = Files.isDirectory(dir);

    sounds.close();

    assertAll(
        () -> assertTrue(existedBefore),
        () -> assertFalse(Files.exists(dir)));
  }

  @Test
  void clip_afterClose_throwsNamingTheWayOut(@TempDir Path dir) throws Exception {
    BellSounds sounds = new BellSounds(dir.resolve("bells"));
    Files.createDirectory(sounds.directory());
    sounds.close();

    var e = assertThrows(IllegalStateException.class, () -> sounds.clip(Pitch.parse("B3")));

    assertEquals("bell sounds in " + dir.resolve("bells")
        + " are closed; create new BellSounds to ring B3", e.getMessage());
  }

  @Test
  void forConsole_silentProbe_givesAPlayerThatRingsNothing() throws Exception {
    AudioProbe.Result silent = AudioProbe.Result.silent("no device");

    BellPlayer player = BellSounds.forConsole(silent);
    player.ring(Pitch.parse("C5"));

    assertFalse(player instanceof BellSounds);
  }

  @Test
  void forConsole_soundingProbe_givesBellSounds() throws Exception {
    AudioProbe.Result sounding = new AudioProbe.Result(true, "");

    BellPlayer player = BellSounds.forConsole(sounding);

    assertTrue(player instanceof BellSounds);
    ((BellSounds) player).close();
  }
}
