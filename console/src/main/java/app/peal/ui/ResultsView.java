package app.peal.ui;

import app.peal.game.Results;
import app.peal.game.RoomControl;
import app.peal.game.RoomSnapshot;
import app.peal.game.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The end of a song: the choir's accuracy, big, then every guest's, best first, and the way back
 * to the lobby or straight into another go.
 */
final class ResultsView extends BorderPane {
  static final String STYLE_CLASS = "results-view";
  static final String CHOIR_ACCURACY_STYLE_CLASS = "choir-accuracy";
  static final String ROW_NAME_STYLE_CLASS = "result-name";
  static final String ROW_ACCURACY_STYLE_CLASS = "result-accuracy";
  static final String ROW_COUNTS_STYLE_CLASS = "result-counts";
  static final String BACK_STYLE_CLASS = "back-button";
  static final String AGAIN_STYLE_CLASS = "again-button";

  private final Label title = new Label();
  private final Label choirAccuracy = new Label();
  private final Label choirCounts = new Label();
  private final GridPane rows = new GridPane();
  private final List<String> rowTexts = new ArrayList<>();

  ResultsView(RoomControl room, Runnable playAgain) {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(playAgain, "playAgain");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("results.css"));

    title.getStyleClass().add("results-title");
    choirAccuracy.getStyleClass().add(CHOIR_ACCURACY_STYLE_CLASS);
    choirCounts.getStyleClass().add("choir-counts");
    Label choirLabel = new Label("the choir rang in time");
    choirLabel.getStyleClass().add("choir-label");
    VBox choir = new VBox(title, choirAccuracy, choirLabel, choirCounts);
    choir.getStyleClass().add("choir-panel");
    choir.setAlignment(Pos.CENTER);
    setLeft(choir);

    rows.getStyleClass().add("result-rows");
    ScrollPane scroll = new ScrollPane(rows);
    scroll.getStyleClass().add("result-scroll");
    scroll.setFitToWidth(true);
    setCenter(scroll);

    Button back = new Button("Back to lobby");
    back.getStyleClass().add(BACK_STYLE_CLASS);
    back.setOnAction(e -> room.backToLobby());
    Button again = new Button("Play again");
    again.getStyleClass().add(AGAIN_STYLE_CLASS);
    again.setDefaultButton(true);
    again.setOnAction(e -> playAgain.run());
    HBox buttons = new HBox(back, again);
    buttons.getStyleClass().add("results-buttons");
    buttons.setAlignment(Pos.CENTER_RIGHT);
    setBottom(buttons);
  }

  void show(RoomSnapshot snapshot) {
    Results results = snapshot.results();
    if (results == null) {
      return;
    }

    title.setText(results.songTitle());
    choirAccuracy.setText(Format.percent(results.choir().accuracy()));
    Score choir = results.choir();
    choirCounts.setText("perfect " + choir.perfect() + " · good " + choir.good()
        + "\nmiss " + choir.miss() + " · stray " + choir.stray());
    rows.getChildren().clear();
    rowTexts.clear();
    List<Results.PlayerResult> players = results.players();
    for (int i = 0; i < players.size(); i++) {
      addRow(i, players.get(i));
    }
    if (players.isEmpty()) {
      rows.add(new Label("The console rang every bell this time."), 0, 0, 4, 1);
    }
  }

  /** Each player's line as shown, best first: "name  87%  perfect 3 · good 1 · …". */
  List<String> rowTexts() {
    return List.copyOf(rowTexts);
  }

  String choirAccuracyText() {
    return choirAccuracy.getText();
  }

  private void addRow(int row, Results.PlayerResult player) {
    Score score = player.score();
    Label rank = new Label(Integer.toString(row + 1));
    rank.getStyleClass().add("result-rank");
    Label name = new Label(player.name());
    name.getStyleClass().add(ROW_NAME_STYLE_CLASS);
    Label counts = new Label(counts(score));
    counts.getStyleClass().add(ROW_COUNTS_STYLE_CLASS);
    VBox who = new VBox(name, counts);
    who.getStyleClass().add("result-who");
    ProgressBar bar = new ProgressBar(score.accuracy());
    bar.getStyleClass().add("result-bar");
    bar.setMaxWidth(Double.MAX_VALUE);
    GridPane.setHgrow(bar, Priority.ALWAYS);
    Label accuracy = new Label(Format.percent(score.accuracy()));
    accuracy.getStyleClass().add(ROW_ACCURACY_STYLE_CLASS);
    rows.addRow(row, rank, who, bar, accuracy);
    rowTexts.add(name.getText() + "  " + accuracy.getText() + "  " + counts.getText());
  }

  private static String counts(Score score) {
    return "perfect " + score.perfect() + " · good " + score.good() + " · miss " + score.miss()
        + " · stray " + score.stray();
  }
}
