package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.game.JoinLinks;
import app.peal.game.Judgement;
import app.peal.game.Phase;
import app.peal.game.PlayerView;
import app.peal.game.Results;
import app.peal.game.Score;
import app.peal.game.Verdict;
import app.peal.music.Pitch;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One whole evening through the window: guests arrive, a song plays, results, lobby again. */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowTest {
  private final FakeRoom room = FakeRoom.empty();
  private ConsoleView view;

  @Start
  void start(Stage stage) {
    JoinLinks links = new JoinLinks("https", 8443, FakeRoom.CODE, List.of("10.0.0.7"));
    view = new ConsoleView(room, links, null);
    stage.setScene(ConsoleApp.scene(view, stage));
    view.attach();
    stage.show();
  }

  @Test
  void evening_lobbyToSongToResultsAndBack_showsEachStep(FxRobot robot) throws Exception {
    ImageView qr = robot.lookup(".qr-card .image-view").queryAs(ImageView.class);
    assertEquals("https://10.0.0.7:8443/?room=BELL", QrCodeTest.decode(qr.getImage()));
    assertEquals("B", robot.lookup("." + LobbyView.CODE_LETTER_STYLE_CLASS)
        .queryAs(Label.class).getText());

    PlayerView ada = FakeRoom.player("1", "Ada", true, "C4", "D4", "E4");
    room.publish(room.withPlayers(List.of(ada)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup(".player-table .table-cell").queryAll().stream()
        .anyMatch(n -> n instanceof TableCell<?, ?> cell && "Ada".equals(cell.getText())));

    robot.clickOn(".song-chooser");
    robot.clickOn("Ode to Joy   120 bpm · 4/4");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("chooseSong ode", room.calls.get(0));

    robot.clickOn("." + LobbyView.START_STYLE_CLASS);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Phase.COUNT_IN, view.phase());
    assertTrue(robot.lookup("." + HighwayView.STYLE_CLASS).tryQuery().isPresent());

    room.judge(new Judgement(0, "1", Pitch.parse("E4"), Verdict.PERFECT, 12, 3000));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("PERFECT 1", robot.lookup(".tally-perfect").queryAs(Label.class).getText());

    Results results = new Results("Ode to Joy",
        List.of(new Results.PlayerResult("1", "Ada", new Score(15, 12, 2, 1, 0, 25))),
        new Score(15, 12, 2, 1, 0, 25));
    room.publish(room.inPhase(Phase.RESULTS, null, results));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("93%", robot.lookup("." + ResultsView.CHOIR_ACCURACY_STYLE_CLASS)
        .queryAs(Label.class).getText());
    assertEquals("93%", robot.lookup("." + ResultsView.ROW_ACCURACY_STYLE_CLASS)
        .queryAs(Label.class).getText());

    robot.clickOn("Back to lobby");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Phase.LOBBY, view.phase());
    assertEquals(List.of("chooseSong ode", "start", "backToLobby"), room.calls);
  }
}
