package app.peal.ui;

import java.io.File;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The lobby's strip for bringing songs: a button to choose MIDI files, a switch for harmony,
 * what happened to the last file, and, once a song is imported, a preview of its notes.
 */
final class SongImportPane extends VBox {
  static final String STYLE_CLASS = "song-import";
  static final String CHOOSE_STYLE_CLASS = "import-choose";
  static final String MESSAGE_STYLE_CLASS = "import-message";

  private final SongImport songImport;
  private final SongPreview preview = new SongPreview();

  SongImportPane(SongImport songImport) {
    this.songImport = Objects.requireNonNull(songImport, "songImport");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("song-import.css"));

    Label heading = new Label("Bring a song");
    heading.getStyleClass().add("field-label");
    Button choose = new Button("Import MIDI…");
    choose.getStyleClass().add(CHOOSE_STYLE_CLASS);
    choose.setOnAction(e -> choose());
    CheckBox harmony = new CheckBox("harmony");
    harmony.selectedProperty().bindBidirectional(songImport.harmonyProperty());
    Label message = new Label();
    message.getStyleClass().add(MESSAGE_STYLE_CLASS);
    message.setWrapText(true);
    message.textProperty().bind(songImport.messageProperty());
    HBox.setHgrow(message, Priority.ALWAYS);
    for (Region fixed : new Region[] {heading, choose, harmony}) {
      fixed.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox row = new HBox(heading, choose, harmony, message);
    row.getStyleClass().add("import-row");
    row.setAlignment(Pos.CENTER_LEFT);

    preview.visibleProperty().bind(songImport.importedProperty().isNotNull());
    preview.managedProperty().bind(preview.visibleProperty());
    songImport.importedProperty().addListener((obs, was, song) -> preview.show(song));

    getChildren().addAll(row, preview);
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
