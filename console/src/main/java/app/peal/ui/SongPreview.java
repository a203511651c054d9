package app.peal.ui;

import app.peal.music.BellPalette;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.music.SongNote;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * A glance at a song's notes before playing it: a line of facts, and a piano roll with time
 * running right and each bell on its own row, low bells at the bottom, in the bell's colour.
 */
final class SongPreview extends VBox {
  static final String STYLE_CLASS = "song-preview";
  static final String ROLL_STYLE_CLASS = "song-preview-roll";
  static final String NOTE_STYLE_CLASS = "song-preview-note";
  /** Enough to see a song's shape; more would only slow the window. */
  static final int MAX_DRAWN = 800;

  private final Label facts = new Label();
  private final Pane roll = new Pane() {
    @Override
    protected void layoutChildren() {
      placeNotes();
    }
  };
  private Song song;

  SongPreview() {
    getStyleClass().add(STYLE_CLASS);
    roll.getStyleClass().add(ROLL_STYLE_CLASS);
    roll.setMinHeight(50);
    roll.setPrefHeight(70);
    facts.setWrapText(true);
    getChildren().addAll(facts, roll);
    show(null);
  }

  /** Shows {@code next}, or a hint when null. */
  void show(Song next) {
    song = next;
    roll.getChildren().clear();
    if (next == null) {
      facts.setText("No song imported yet");
      return;
    }
    facts.setText(describe(next));
    for (SongNote note : next.notes().subList(0, Math.min(MAX_DRAWN, next.notes().size()))) {
      Rectangle mark = new Rectangle();
      mark.getStyleClass().add(NOTE_STYLE_CLASS);
      mark.setFill(Color.web(BellPalette.color(note.pitch())));
      mark.setUserData(note);
      roll.getChildren().add(mark);
    }
    roll.requestLayout();
  }

  /** "Silent Night · 46 notes on 11 bells, C4–F5 · 3/4 at 88 · 2:21". */
  static String describe(Song song) {
    long seconds = Math.round(song.durationMs() / 1000);
    return song.title() + " · " + song.notes().size() + " notes on " + song.pitches().size()
        + " bells, " + song.pitches().first().displayName() + "–"
        + song.pitches().last().displayName() + " · "
        + Format.tempo(song.bpm(), song.beatsPerBar(), song.beatUnit()) + " · "
        + seconds / 60 + ":" + String.format("%02d", seconds % 60);
  }

  int drawnNotes() {
    return roll.getChildren().size();
  }

  private void placeNotes() {
    if (song == null || roll.getWidth() <= 0 || roll.getHeight() <= 0) {
      return;
    }
    List<Pitch> rows = new ArrayList<>(song.pitches());
    double lastBeat = 0;
    for (SongNote note : song.notes()) {
      lastBeat = Math.max(lastBeat, note.beat() + note.beats());
    }
    double xPerBeat = roll.getWidth() / lastBeat;
    double rowHeight = roll.getHeight() / rows.size();
    for (var child : roll.getChildren()) {
      Rectangle mark = (Rectangle) child;
      SongNote note = (SongNote) mark.getUserData();
      int row = rows.indexOf(note.pitch());
      mark.setX(note.beat() * xPerBeat);
      mark.setY(roll.getHeight() - (row + 1) * rowHeight);
      mark.setWidth(Math.max(1.5, note.beats() * xPerBeat - 1));
      mark.setHeight(Math.max(1.5, rowHeight - 1));
    }
  }
}
