package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.peal.game.JoinLinks;
import app.peal.game.Phase;
import app.peal.game.Results;
import app.peal.game.Score;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleViewTest {
  private FakeRoom room;
  private ConsoleView view;

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @BeforeEach
  void openConsole() {
    room = FakeRoom.empty();
    JoinLinks links = new JoinLinks("https", 8443, FakeRoom.CODE, List.of("10.0.0.7"));
    view = Fx.call(() -> new ConsoleView(room, links, null));
    Fx.run(view::attach);
  }

  @Test
  void attach_lobbyRoom_showsLobby() {
    assertEquals(Phase.LOBBY, view.phase());
    assertSame(view.lobby(), Fx.call(() -> view.getChildren().get(0)));
  }

  @Test
  void roomChanged_fromRoomThread_switchesViewsByPhase() {
    room.chooseSong("ode");

    room.start();
    Fx.settle();
    Object duringSong = Fx.call(() -> view.getChildren().get(0));
    room.publish(room.inPhase(Phase.RESULTS, null,
        new Results("Ode to Joy", List.of(), new Score(4, 2, 1, 1, 0, 20))));
    Fx.settle();
    Object afterSong = Fx.call(() -> view.getChildren().get(0));

    assertSame(view.highway(), duringSong);
    assertSame(view.results(), afterSong);
  }

  @Test
  void playAgain_roomRefuses_showsRefusalInLobby() {
    room.refusal = "choose a song first";

    Fx.run(() -> view.results().lookup("." + ResultsView.AGAIN_STYLE_CLASS)
        .fireEvent(new javafx.event.ActionEvent()));
    Fx.settle();

    assertEquals(List.of("backToLobby", "start"), room.calls);
    assertEquals(Phase.LOBBY, view.phase());
  }

  @Test
  void detach_afterwards_stopsListening() {
    Fx.run(view::detach);

    assertEquals(0, room.listenerCount());
  }
}
