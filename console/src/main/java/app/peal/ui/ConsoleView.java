package app.peal.ui;

import app.peal.game.JoinLinks;
import app.peal.game.Judgement;
import app.peal.game.Phase;
import app.peal.game.RoomControl;
import app.peal.game.RoomListener;
import app.peal.game.RoomSnapshot;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The console window's root: listens to the room and shows the lobby, the note highway or the
 * results, whichever the room's phase calls for.
 */
final class ConsoleView extends StackPane {
  static final String STYLE_CLASS = "console-view";

  private final RoomControl room;
  private final LobbyView lobby;
  private final HighwayView highway;
  private final ResultsView results;
  // Snapshots can come faster than frames; only the newest one waiting is worth showing.
  private final AtomicReference<RoomSnapshot> waiting = new AtomicReference<>();
  private final RoomListener listener = new RoomListener() {
    @Override
    public void roomChanged(RoomSnapshot snapshot) {
      if (waiting.getAndSet(snapshot) == null) {
        Platform.runLater(ConsoleView.this::showWaiting);
      }
    }

    @Override
    public void judged(Judgement judgement) {
      Platform.runLater(() -> highway.judged(judgement));
    }
  };
  private Phase phase;

  ConsoleView(RoomControl room, JoinLinks links, String soundNote) {
    this.room = Objects.requireNonNull(room, "room");
    getStyleClass().add(STYLE_CLASS);
    getStylesheets().add(Styles.url("console.css"));
    lobby = new LobbyView(room, links, soundNote);
    highway = new HighwayView(room);
    results = new ResultsView(room, this::playAgain);
    SongImport songImport = new SongImport(room, lobby::offerSong);
    songImport.acceptDrops(this);
    SongImportPane importPane = new SongImportPane(songImport);
    lobby.setSongTools(importPane.controls(), importPane);
  }

  /** Starts listening to the room and shows where it is now. Call on the FX thread. */
  void attach() {
    room.addListener(listener);
    show(room.snapshot());
  }

  /** Stops listening and animating; the view shows nothing new after this. */
  void detach() {
    room.removeListener(listener);
    highway.stop();
  }

  /** Shows one snapshot. Call on the FX thread. */
  void show(RoomSnapshot snapshot) {
    Phase next = snapshot.phase();
    Node view = switch (next) {
      case LOBBY -> lobby;
      case COUNT_IN, PLAYING -> highway;
      case RESULTS -> results;
    };
    switch (next) {
      case LOBBY -> lobby.show(snapshot);
      case COUNT_IN, PLAYING -> highway.show(snapshot);
      case RESULTS -> results.show(snapshot);
    }
    if (next != phase) {
      phase = next;
      getChildren().setAll(view);
      if (view == highway) {
        highway.start();
      } else {
        highway.stop();
      }
    }
  }

  Phase phase() {
    return phase;
  }

  LobbyView lobby() {
    return lobby;
  }

  HighwayView highway() {
    return highway;
  }

  ResultsView results() {
    return results;
  }

  private void showWaiting() {
    RoomSnapshot snapshot = waiting.getAndSet(null);
    if (snapshot != null) {
      show(snapshot);
    }
  }

  private void playAgain() {
    room.backToLobby();
    try {
      room.start();
    } catch (IllegalStateException e) {
      lobby.showRefusal(e.getMessage());
    }
  }
}
