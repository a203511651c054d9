package app.peal.ui;

import app.peal.game.JoinLinks;
import app.peal.game.RoomControl;
import app.peal.game.RoomSnapshot;
import app.peal.music.Song;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The waiting room on the big screen: the room code and a QR code to join by, the guests as they
 * arrive, the song to play and the button that starts it.
 */
final class LobbyView extends BorderPane {
  static final String STYLE_CLASS = "lobby-view";
  static final String CODE_LETTER_STYLE_CLASS = "room-code-letter";
  static final String QR_CARD_STYLE_CLASS = "qr-card";
  static final String START_STYLE_CLASS = "start-button";
  static final String REASON_STYLE_CLASS = "start-reason";
  static final String SOUND_NOTE_STYLE_CLASS = "sound-note";
  static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
  static final int QR_PIXELS = 300;

  private final RoomControl room;
  private final JoinLinks links;
  private final ComboBox<String> hostChooser = new ComboBox<>();
  private final ImageView qr = new ImageView();
  private final Label url = new Label();
  private final PlayerTable players = new PlayerTable();
  private final Label playerCount = new Label();
  private final ComboBox<Song> songChooser = new ComboBox<>();
  private final FlowPane consoleBells = BellChip.row();
  private final Label consoleBellsNote = new Label();
  private final Button start = new Button("Start");
  private final Label reason = new Label();
  private final VBox songTools = new VBox();
  private final Label songLabel = new Label("Song");
  private final HBox songRow = new HBox();
  private String link;
  private boolean showingSnapshot;

  LobbyView(RoomControl room, JoinLinks links, String soundNote) {
    this.room = Objects.requireNonNull(room, "room");
    this.links = Objects.requireNonNull(links, "links");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("lobby.css"));

    setLeft(joinPanel());
    setCenter(roomPanel());
    if (soundNote != null) {
      Label note = new Label(soundNote);
      note.getStyleClass().add(SOUND_NOTE_STYLE_CLASS);
      setBottom(note);
    }
    showJoinLink(links.hosts().get(0));
  }

  /** Shows one snapshot of the room; never calls back into the room. */
  void show(RoomSnapshot snapshot) {
    showingSnapshot = true;
    try {
      players.show(snapshot.players());
      long synced = snapshot.players().stream().filter(p -> p.synced()).count();
      playerCount.setText(snapshot.players().size() + " here · " + synced + " synced");
      selectSong(snapshot.song());
      showConsoleBells(snapshot);
      start.setDisable(!snapshot.canStart());
      reason.pseudoClassStateChanged(REFUSED, false);
      reason.setText(snapshot.canStart() ? "Ready when you are" : snapshot.startBlockedReason());
    } finally {
      showingSnapshot = false;
    }
  }

  /**
   * Shows song tools, such as the MIDI import: {@code beside} at the end of the song chooser's
   * row, {@code below} under it.
   */
  void setSongTools(Node beside, Node below) {
    songRow.getChildren().setAll(songLabel, songChooser, beside);
    songTools.getChildren().setAll(below);
  }

  /** Lists a song added after the lobby was built, such as an imported MIDI file. */
  void offerSong(Song song) {
    if (songChooser.getItems().stream().noneMatch(s -> s.id().equals(song.id()))) {
      songChooser.getItems().add(song);
    }
  }

  /** Shows why the room refused to start, until the next snapshot. */
  void showRefusal(String message) {
    reason.setText(message);
    reason.pseudoClassStateChanged(REFUSED, true);
  }

  String joinUrl() {
    return link;
  }

  Image qrImage() {
    return qr.getImage();
  }

  private VBox joinPanel() {
    Label heading = new Label("Join the choir");
    heading.getStyleClass().add("panel-heading");

    HBox code = new HBox();
    code.getStyleClass().add("room-code");
    code.setAlignment(Pos.CENTER);
    for (char letter : links.roomCode().toCharArray()) {
      Label tile = new Label(String.valueOf(letter));
      tile.getStyleClass().add(CODE_LETTER_STYLE_CLASS);
      code.getChildren().add(tile);
    }

    StackPane card = new StackPane(qr);
    card.getStyleClass().add(QR_CARD_STYLE_CLASS);
    qr.setSmooth(false);
    url.getStyleClass().add("join-url");
    url.setWrapText(true);

    hostChooser.getItems().setAll(links.hosts());
    hostChooser.getStyleClass().add("host-chooser");
    hostChooser.getSelectionModel().selectFirst();
    hostChooser.valueProperty().addListener((obs, was, host) -> {
      if (host != null) {
        showJoinLink(host);
      }
    });
    HBox hostRow = new HBox(new Label("Address"), hostChooser);
    hostRow.getStyleClass().add("host-row");
    hostRow.setAlignment(Pos.CENTER);
    hostRow.setVisible(links.hosts().size() > 1);
    hostRow.setManaged(links.hosts().size() > 1);

    VBox panel = new VBox(heading, code, card, url, hostRow);
    panel.getStyleClass().add("join-panel");
    panel.setAlignment(Pos.TOP_CENTER);
    return panel;
  }

  private VBox roomPanel() {
    Label heading = new Label("Guests");
    heading.getStyleClass().add("panel-heading");
    playerCount.getStyleClass().add("player-count");
    HBox header = new HBox(heading, playerCount);
    header.getStyleClass().add("players-header");
    header.setAlignment(Pos.BASELINE_LEFT);
    VBox.setVgrow(players, Priority.ALWAYS);

    songChooser.getStyleClass().add("song-chooser");
    songChooser.setPromptText("Choose a song");
    songChooser.getItems().setAll(room.songs());
    // The closed chooser shares its row with the import tools, so it shows the title alone.
    songChooser.setCellFactory(list -> new SongCell(/* withTempo= */ true));
    songChooser.setButtonCell(new SongCell(/* withTempo= */ false));
    songChooser.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(songChooser, Priority.ALWAYS);
    songChooser.valueProperty().addListener((obs, was, song) -> {
      if (!showingSnapshot && song != null) {
        room.chooseSong(song.id());
      }
    });
    songLabel.getStyleClass().add("field-label");
    songRow.getChildren().setAll(songLabel, songChooser);
    songRow.getStyleClass().add("song-row");
    songRow.setAlignment(Pos.CENTER_LEFT);

    Label bellsLabel = new Label("Console rings");
    bellsLabel.getStyleClass().add("field-label");
    consoleBellsNote.getStyleClass().add("console-bells-note");
    HBox bellsRow = new HBox(bellsLabel, consoleBells, consoleBellsNote);
    bellsRow.getStyleClass().add("console-bells-row");
    bellsRow.setAlignment(Pos.CENTER_LEFT);

    start.getStyleClass().add(START_STYLE_CLASS);
    start.setDefaultButton(true);
    start.setDisable(true);
    start.setOnAction(e -> startSong());
    reason.getStyleClass().add(REASON_STYLE_CLASS);
    reason.setWrapText(true);
    HBox.setHgrow(reason, Priority.ALWAYS);
    HBox startRow = new HBox(start, reason);
    startRow.getStyleClass().add("start-row");
    startRow.setAlignment(Pos.CENTER_LEFT);

    VBox panel = new VBox(header, players, songRow, songTools, bellsRow, startRow);
    panel.getStyleClass().add("room-panel");
    return panel;
  }

  private void startSong() {
    try {
      room.start();
    } catch (IllegalStateException e) {
      showRefusal(e.getMessage());
    }
  }

  private void showJoinLink(String host) {
    link = links.url(host);
    url.setText("Scan or open\n" + link);
    qr.setImage(QrCode.render(link, QR_PIXELS));
  }

  private void selectSong(Song chosen) {
    if (chosen == null) {
      songChooser.getSelectionModel().clearSelection();
      return;
    }
    for (Song song : songChooser.getItems()) {
      if (song.id().equals(chosen.id())) {
        songChooser.getSelectionModel().select(song);
        return;
      }
    }
    // A song the room knows but did not list at start-up; show it anyway.
    songChooser.getItems().add(chosen);
    songChooser.getSelectionModel().select(chosen);
  }

  private void showConsoleBells(RoomSnapshot snapshot) {
    BellChip.fill(consoleBells, snapshot.consoleBells());
    consoleBells.setVisible(!snapshot.consoleBells().isEmpty());
    consoleBells.setManaged(!snapshot.consoleBells().isEmpty());
    if (snapshot.song() == null) {
      consoleBellsNote.setText("the bells nobody holds, once a song is chosen");
    } else if (snapshot.consoleBells().isEmpty()) {
      consoleBellsNote.setText("nothing: every bell has a ringer");
    } else {
      consoleBellsNote.setText("");
    }
  }

  private static final class SongCell extends ListCell<Song> {
    private final boolean withTempo;

    SongCell(boolean withTempo) {
      this.withTempo = withTempo;
    }

    @Override
    protected void updateItem(Song song, boolean empty) {
      super.updateItem(song, empty);
      if (empty || song == null) {
        setText(null);
        return;
      }
      setText(withTempo
          ? song.title() + "   " + Format.tempo(song.bpm(), song.beatsPerBar(), song.beatUnit())
          : song.title());
    }
  }
}
