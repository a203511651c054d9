package app.peal.ui;

import app.peal.music.BellPalette;
import app.peal.music.Pitch;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;

/**
 * A bell as a small coloured tag that always spells its note, so the colour is a help and never
 * the only clue.
 */
final class BellChip extends Label {
  static final String STYLE_CLASS = "bell-chip";
  static final String ROW_STYLE_CLASS = "bell-chips";

  BellChip(Pitch pitch) {
    super(pitch.displayName());
    getStyleClass().add(STYLE_CLASS);
    // The colour is data, not theme: it comes from the shared bell palette the phones use too.
    setStyle("-fx-background-color: " + BellPalette.color(pitch) + ";"
        + " -fx-text-fill: " + BellPalette.textColor(pitch) + ";");
  }

  /** Replaces the chips in {@code row} with one per bell, in the order given. */
  static void fill(FlowPane row, List<Pitch> bells) {
    row.getChildren().clear();
    for (Pitch pitch : bells) {
      row.getChildren().add(new BellChip(pitch));
    }
  }

  static FlowPane row() {
    FlowPane row = new FlowPane();
    row.getStyleClass().add(ROW_STYLE_CLASS);
    return row;
  }

  static Color colorOf(Pitch pitch) {
    return Color.web(BellPalette.color(pitch));
  }

  static Color textColorOf(Pitch pitch) {
    return Color.web(BellPalette.textColor(pitch));
  }
}
