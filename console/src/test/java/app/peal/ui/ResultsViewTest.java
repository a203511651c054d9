package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.peal.game.Phase;
import app.peal.game.Results;
import app.peal.game.Score;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultsViewTest {
  private FakeRoom room;
  private ResultsView view;
  private final List<String> playAgain = new ArrayList<>();

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @BeforeEach
  void openResults() {
    room = FakeRoom.empty();
    view = Fx.call(() -> new ResultsView(room, () -> playAgain.add("again")));
  }

  @Test
  void show_results_listsPlayersInGivenOrderWithAccuracy() {
    Results results = new Results("Ode to Joy", List.of(
        new Results.PlayerResult("2", "Bo", new Score(10, 8, 1, 1, 0, 30)),
        new Results.PlayerResult("1", "Ada", new Score(8, 4, 2, 2, 3, 60))),
        new Score(18, 12, 3, 3, 3, 40));

    Fx.run(() -> view.show(room.inPhase(Phase.RESULTS, null, results)));

    assertEquals(List.of(
        "Bo  90%  perfect 8 · good 1 · miss 1 · stray 0",
        "Ada  75%  perfect 4 · good 2 · miss 2 · stray 3"), view.rowTexts());
    assertEquals("83%", view.choirAccuracyText());
  }

  @Test
  void buttons_pressed_goBackOrPlayAgain() {
    Fx.run(() -> {
      ((Button) view.lookup("." + ResultsView.BACK_STYLE_CLASS)).fire();
      ((Button) view.lookup("." + ResultsView.AGAIN_STYLE_CLASS)).fire();
    });

    assertEquals(List.of("backToLobby"), room.calls);
    assertEquals(List.of("again"), playAgain);
  }
}
