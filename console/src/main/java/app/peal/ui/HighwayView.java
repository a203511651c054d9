package app.peal.ui;

import app.peal.game.Judgement;
import app.peal.game.Performance;
import app.peal.game.RoomControl;
import app.peal.game.RoomSnapshot;
import app.peal.game.Verdict;
import app.peal.music.Pitch;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The song as it plays: a note highway drawn every frame from the room clock, the choir's running
 * tally, the song's progress and a button to stop.
 */
final class HighwayView extends BorderPane {
  static final String STYLE_CLASS = "highway-view";
  static final String TITLE_STYLE_CLASS = "song-title";
  static final String TALLY_STYLE_CLASS = "tally";
  static final String STOP_STYLE_CLASS = "stop-button";

  private final RoomControl room;
  private final Canvas canvas = new Canvas();
  private final HighwayPainter painter = new HighwayPainter(canvas);
  private final Label title = new Label();
  private final Label perfect = tallyLabel("tally-perfect");
  private final Label good = tallyLabel("tally-good");
  private final Label miss = tallyLabel("tally-miss");
  private final Label time = new Label();
  private final ProgressBar progress = new ProgressBar(0);
  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long frameNanos) {
      frame(room.clock().nowMs());
    }
  };
  private Performance performance;
  private int perfectCount;
  private int goodCount;
  private int missCount;
  private long shownSecond = Long.MIN_VALUE;

  HighwayView(RoomControl room) {
    this.room = Objects.requireNonNull(room, "room");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("highway.css"));

    setTop(header());
    Pane holder = new Pane(canvas);
    holder.getStyleClass().add("highway-canvas");
    canvas.widthProperty().bind(holder.widthProperty());
    canvas.heightProperty().bind(holder.heightProperty());
    holder.setMinSize(0, 0);
    setCenter(holder);
    showTally();
  }

  /** Shows the performance in {@code snapshot}; a new one starts a fresh tally. */
  void show(RoomSnapshot snapshot) {
    Performance next = snapshot.performance();
    if (next == null) {
      return;
    }
    if (performance == null || isNewRun(next)) {
      perfectCount = 0;
      goodCount = 0;
      missCount = 0;
      shownSecond = Long.MIN_VALUE;
      showTally();
      painter.setPerformance(next);
    } else if (!next.lanes().equals(performance.lanes())) {
      painter.setLanes(next.lanes());
    }
    performance = next;
    title.setText(next.songTitle());
  }

  void judged(Judgement judgement) {
    if (performance == null) {
      return;
    }
    switch (judgement.verdict()) {
      case PERFECT -> perfectCount++;
      case GOOD -> goodCount++;
      case MISS -> missCount++;
      case STRAY -> {
        // A stray ring costs no note, so the choir's tally leaves it out.
      }
    }
    painter.judged(judgement, room.clock().nowMs());
    showTally();
  }

  void start() {
    timer.start();
  }

  void stop() {
    timer.stop();
  }

  /** Draws one frame as the room clock reads {@code nowMs}. */
  void frame(double nowMs) {
    painter.paint(nowMs);
    if (performance == null) {
      return;
    }
    double played = nowMs - performance.startAt();
    progress.setProgress(Math.max(0, Math.min(1, played / performance.durationMs())));
    long second = (long) Math.floor(played / 1000);
    if (second != shownSecond) {
      shownSecond = second;
      time.setText(played < 0
          ? "count-in"
          : Format.clock(played) + " / " + Format.clock(performance.durationMs()));
    }
  }

  /** Sizes the drawing area directly, for drawing before the view is laid out. */
  void sizeCanvas(double width, double height) {
    canvas.widthProperty().unbind();
    canvas.heightProperty().unbind();
    canvas.setWidth(width);
    canvas.setHeight(height);
  }

  String tallyText() {
    return perfect.getText() + " · " + good.getText() + " · " + miss.getText();
  }

  Verdict flashing(Pitch pitch) {
    return painter.flashing(pitch, room.clock().nowMs());
  }

  double progress() {
    return progress.getProgress();
  }

  private boolean isNewRun(Performance next) {
    return next.startAt() != performance.startAt()
        || !next.songTitle().equals(performance.songTitle());
  }

  private void showTally() {
    perfect.setText("PERFECT " + perfectCount);
    good.setText("GOOD " + goodCount);
    miss.setText("MISS " + missCount);
  }

  private VBox header() {
    title.getStyleClass().add(TITLE_STYLE_CLASS);
    HBox tally = new HBox(perfect, good, miss);
    tally.getStyleClass().add(TALLY_STYLE_CLASS);
    tally.setAlignment(Pos.CENTER);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button stop = new Button("Stop");
    stop.getStyleClass().add(STOP_STYLE_CLASS);
    stop.setOnAction(e -> room.stop());
    HBox bar = new HBox(title, spacer, tally, stop);
    bar.getStyleClass().add("highway-bar");
    bar.setAlignment(Pos.CENTER_LEFT);

    time.getStyleClass().add("song-time");
    progress.getStyleClass().add("song-progress");
    progress.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(progress, Priority.ALWAYS);
    HBox progressRow = new HBox(progress, time);
    progressRow.getStyleClass().add("progress-row");
    progressRow.setAlignment(Pos.CENTER_LEFT);
    return new VBox(bar, progressRow);
  }

  private static Label tallyLabel(String styleClass) {
    Label label = new Label();
    label.getStyleClass().addAll("tally-count", styleClass);
    return label;
  }
}
