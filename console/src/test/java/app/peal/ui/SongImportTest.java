package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.game.JoinLinks;
import app.peal.music.Song;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MIDI file dropped or chosen in the console becomes a song in the list, with a preview. */
class SongImportTest {
  private static final JoinLinks LINKS =
      new JoinLinks("https", 8443, FakeRoom.CODE, List.of("10.0.0.7"));
  @TempDir
  Path dir;
  private FakeRoom room;
  private ConsoleView view;
  private SongImport songImport;
  private SongImportPane pane;

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @BeforeEach
  void open() {
    room = FakeRoom.empty();
    view = Fx.call(() -> new ConsoleView(room, LINKS, null));
    Fx.run(view::attach);
    pane = Fx.call(() -> (SongImportPane) view.lobby().lookup("." + SongImportPane.STYLE_CLASS));
    songImport = Fx.call(() -> new SongImport(room, view.lobby()::offerSong));
  }

  /** A C major scale, one quarter note each at 120 a minute. */
  private Path scale(String name) throws Exception {
    Sequence sequence = new Sequence(Sequence.PPQ, 480);
    Track track = sequence.createTrack();
    int[] keys = {60, 62, 64, 65, 67, 69, 71, 72};
    for (int i = 0; i < keys.length; i++) {
      track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, keys[i], 90), i * 480L));
      track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, keys[i], 0),
          i * 480L + 480));
    }
    Path file = dir.resolve(name);
    MidiSystem.write(sequence, 0, file.toFile());
    return file;
  }

  @SuppressWarnings("unchecked")
  private List<String> listedIds() {
    return Fx.call(() -> ((ComboBox<Song>) view.lobby().lookup(".song-chooser")).getItems()
        .stream().map(Song::id).toList());
  }

  @Test
  void importFile_goodMidi_addsListsAndChoosesTheSong() throws Exception {
    Path file = scale("My Scale.mid");

    Optional<Song> song = Fx.call(() -> songImport.importFile(file));

    assertTrue(song.isPresent());
    assertEquals(List.of("addSong my-scale", "chooseSong my-scale"), room.calls);
    assertTrue(listedIds().contains("my-scale"), listedIds().toString());
    assertEquals("Added 'My Scale' and chose it", songImport.messageProperty().get());
  }

  @Test
  void importFile_brokenFile_explainsAndAddsNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("broken.mid"), "not midi at all");

    Optional<Song> song = Fx.call(() -> songImport.importFile(file));

    assertEquals(Optional.empty(), song);
    assertEquals(List.of(), room.calls);
    assertTrue(songImport.messageProperty().get().startsWith(
        "midi file 'broken.mid': not a standard MIDI file"), songImport.messageProperty().get());
  }

  @Test
  void importFile_sameFileTwice_getsASecondId() throws Exception {
    Path file = scale("scale.mid");

    Fx.call(() -> songImport.importFile(file));
    Fx.call(() -> songImport.importFile(file));

    assertEquals(List.of("addSong scale", "chooseSong scale", "addSong scale-2",
        "chooseSong scale-2"), room.calls);
  }

  @Test
  void importFiles_noMidiAmongThem_saysWhatCanBeImported() throws Exception {
    File text = Files.writeString(dir.resolve("notes.txt"), "la la").toFile();

    int added = Fx.call(() -> songImport.importFiles(List.of(text)));

    assertEquals(0, added);
    assertEquals("Only .mid and .midi files can be imported; 'notes.txt' is not one",
        songImport.messageProperty().get());
  }

  @Test
  void pane_afterAnImport_previewsEveryNote() throws Exception {
    Path file = scale("preview.mid");
    SongImport wired = Fx.call(() -> new SongImport(room, view.lobby()::offerSong));
    SongImportPane shown = Fx.call(() -> new SongImportPane(wired));

    Fx.call(() -> wired.importFile(file));

    assertEquals(8, Fx.call(() -> shown.preview().drawnNotes()));
    String facts = Fx.call(() -> ((Label) shown.preview().getChildren().get(0)).getText());
    assertTrue(facts.startsWith("Preview · 8 notes on 8 bells, C4–C5 · "), facts);
    String message = Fx.call(() -> ((Label) shown.lookup(
        "." + SongImportPane.MESSAGE_STYLE_CLASS)).getText());
    assertEquals("Added 'Preview' and chose it", message);
  }

  @Test
  void consoleView_lobby_showsTheImportPane() {
    assertTrue(pane != null);
    assertEquals(0, Fx.call(() -> pane.preview().drawnNotes()));
  }
}
