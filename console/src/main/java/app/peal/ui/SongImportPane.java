package app.peal.ui;

import java.io.File;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The lobby's tools for bringing songs: {@link #controls()} (a button to choose MIDI files and a
 * switch for harmony) sit beside the song chooser; the pane itself goes under it and, once a
 * file came, says what happened to it and previews the imported notes.
 */
final class SongImportPane extends VBox {
  static final String STYLE_CLASS = "song-import";
  static final String CHOOSE_STYLE_CLASS = "import-choose";
  static final String MESSAGE_STYLE_CLASS = "import-message";

  private final SongImport songImport;
  private final SongPreview preview = new SongPreview();
  private final HBox controls;

  SongImportPane(SongImport songImport) {
    this.songImport = Objects.requireNonNull(songImport, "songImport");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("song-import.css"));

    Button choose = new Button("Import MIDI…");
    choose.setTooltip(new Tooltip(SongImport.HINT));
    choose.getStyleClass().add(CHOOSE_STYLE_CLASS);
    choose.setOnAction(e -> choose());
    CheckBox harmony = new CheckBox("harmony");
    harmony.selectedProperty().bindBidirectional(songImport.harmonyProperty());
    for (Region fixed : new Region[] {choose, harmony}) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    Label message = new Label();
    message.getStyleClass().add(MESSAGE_STYLE_CLASS);
    message.setWrapText(true);
    message.textProperty().bind(songImport.messageProperty());
    // The idle hint lives in the button's tooltip; the line appears once there is news.
    message.visibleProperty().bind(songImport.messageProperty().isNotEqualTo(SongImport.HINT));
    message.managedProperty().bind(message.visibleProperty());
    controls = new HBox(choose, harmony);
    controls.getStyleClass().add("import-row");
    controls.getStylesheets().add(Styles.url("song-import.css"));
    controls.setAlignment(Pos.CENTER_LEFT);
    visibleProperty().bind(message.visibleProperty().or(preview.visibleProperty()));
    managedProperty().bind(visibleProperty());

    preview.visibleProperty().bind(songImport.importedProperty().isNotNull());
    preview.managedProperty().bind(preview.visibleProperty());
    songImport.importedProperty().addListener((obs, was, song) -> preview.show(song));

    getChildren().addAll(message, preview);
  }

  /** The button and the harmony switch, for the song chooser's row. */
  HBox controls() {
    return controls;
  }

  SongPreview preview() {
    return preview;
  }

  private void choose() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Import a MIDI file");
    chooser.getExtensionFilters().add(
        new FileChooser.ExtensionFilter("MIDI files", "*.mid", "*.midi", "*.MID"));
    Window window = getScene() == null ? null : getScene().getWindow();
    List<File> files = chooser.showOpenMultipleDialog(window);
    if (files != null) {
      songImport.importFiles(files);
    }
  }
}
