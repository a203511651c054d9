package app.peal.ui;

import app.peal.game.Phase;
import app.peal.game.RoomControl;
import app.peal.music.MidiImport;
import app.peal.music.MidiImportException;
import app.peal.music.Song;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Brings MIDI files into the room: a file dropped on the window or chosen by the host is read,
 * added to the room's songs and, between songs, chosen as the next one. A file that cannot be
 * read only changes {@link #message}; nothing is thrown. Use on the FX thread.
 */
final class SongImport {
  private static final List<String> SUFFIXES = List.of(".mid", ".midi");
  private static final System.Logger LOG = System.getLogger(SongImport.class.getName());

  private final RoomControl room;
  private final Consumer<Song> listed;
  private final BooleanProperty harmony = new SimpleBooleanProperty(false);
  /** What {@link #message} says before any file came. */
  static final String HINT = "Drop a MIDI file on the window to add it to the songs";

  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(HINT);
  private final ReadOnlyObjectWrapper<Song> imported = new ReadOnlyObjectWrapper<>();

  /** @param listed told of each song added, so the song list can show it */
  SongImport(RoomControl room, Consumer<Song> listed) {
    this.room = Objects.requireNonNull(room, "room");
    this.listed = Objects.requireNonNull(listed, "listed");
  }

  /** Whether imports add chords under the tune. */
  BooleanProperty harmonyProperty() {
    return harmony;
  }

  /** What happened to the last file, for the host to read. */
  ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** The last song imported, null before the first. */
  ReadOnlyObjectProperty<Song> importedProperty() {
    return imported.getReadOnlyProperty();
  }

  static boolean isMidi(File file) {
    String name = file.getName().toLowerCase(Locale.ROOT);
    return file.isFile() && SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /** Lets MIDI files be dropped on {@code target}, usually the window's root. */
  void acceptDrops(Node target) {
    target.addEventHandler(DragEvent.DRAG_OVER, event -> {
      Dragboard board = event.getDragboard();
      if (board.hasFiles() && board.getFiles().stream().anyMatch(SongImport::isMidi)) {
        event.acceptTransferModes(TransferMode.COPY);
        event.consume();
      }
    });
    target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
      Dragboard board = event.getDragboard();
      boolean done = board.hasFiles() && importFiles(board.getFiles()) > 0;
      event.setDropCompleted(done);
      event.consume();
    });
  }

  /** Imports every MIDI file among {@code files}; returns how many became songs. */
  int importFiles(List<File> files) {
    List<File> midi = files.stream().filter(SongImport::isMidi).toList();
    if (midi.isEmpty()) {
      message.set("Only .mid and .midi files can be imported; "
          + (files.isEmpty() ? "no file" : "'" + files.get(0).getName() + "'") + " is not one");
      return 0;
    }
    int added = 0;
    for (File file : midi) {
      added += importFile(file.toPath()).isPresent() ? 1 : 0;
    }
    return added;
  }

  /** Reads one file and adds it to the room; empty, with the reason in {@link #message}. */
  Optional<Song> importFile(Path file) {
    Song song;
    try {
      song = withFreeId(MidiImport.read(file, harmony.get()));
      room.addSong(song);
    } catch (MidiImportException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot import {0}: {1}", file, e.getMessage());
      message.set(e.getMessage());
      return Optional.empty();
    }

    listed.accept(song);
    imported.set(song);
    Phase phase = room.snapshot().phase();
    if (phase != Phase.LOBBY && phase != Phase.RESULTS) {
      message.set("Added '" + song.title() + "'; choose it once this song ends");
      return Optional.of(song);
    }
    try {
      room.chooseSong(song.id());
      message.set("Added '" + song.title() + "' and chose it");
    } catch (IllegalStateException e) {
      // The host started a song while the file was read.
      message.set("Added '" + song.title() + "'; " + e.getMessage());
    }
    return Optional.of(song);
  }

  /** The song, renamed "x-2", "x-3"... when the room already lists its id. */
  private Song withFreeId(Song song) {
    List<String> taken = room.songs().stream().map(Song::id).toList();
    String id = song.id();
    for (int n = 2; taken.contains(id); n++) {
      id = song.id() + "-" + n;
    }
    if (id.equals(song.id())) {
      return song;
    }
    return new Song(id, song.title(), song.composer(), song.bpm(), song.beatsPerBar(),
        song.beatUnit(), song.pickupBeats(), song.notes());
  }
}
