package app.peal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.game.JoinLinks;
import app.peal.game.PlayerView;
import app.peal.game.RoomSnapshot;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LobbyViewTest {
  private static final JoinLinks LINKS =
      new JoinLinks("https", 8443, FakeRoom.CODE, List.of("10.0.0.7", "peal.local"));
  private FakeRoom room;
  private LobbyView lobby;

  @BeforeAll
  static void bootFx() {
    Fx.boot();
  }

  @BeforeEach
  void openLobby() {
    room = FakeRoom.empty();
    lobby = Fx.call(() -> new LobbyView(room, LINKS, null));
  }

  @Test
  void constructor_links_showsRoomCodeLettersAndFirstHostUrl() throws Exception {
    String letters = Fx.call(() -> lobby.lookupAll("." + LobbyView.CODE_LETTER_STYLE_CLASS)
        .stream().map(n -> ((Label) n).getText()).reduce("", String::concat));

    assertEquals("BELL", letters);
    assertEquals("https://10.0.0.7:8443/?room=BELL", lobby.joinUrl());
    assertEquals(lobby.joinUrl(), QrCodeTest.decode(lobby.qrImage()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void hostChooser_otherHost_updatesUrlAndQr() throws Exception {
    Fx.run(() -> ((ComboBox<String>) lobby.lookup(".host-chooser")).setValue("peal.local"));

    assertEquals("https://peal.local:8443/?room=BELL", lobby.joinUrl());
    assertEquals("https://peal.local:8443/?room=BELL", QrCodeTest.decode(lobby.qrImage()));
  }

  @Test
  void show_players_fillsTableAndCount() {
    RoomSnapshot snapshot = room.withPlayers(List.of(
        FakeRoom.player("1", "Ada", true, "C4"), FakeRoom.player("2", "Bo", false, "D4")));

    Fx.run(() -> lobby.show(snapshot));

    PlayerTable table = Fx.call(() -> (PlayerTable) lobby.lookup("." + PlayerTable.STYLE_CLASS));
    assertEquals(List.of("Ada", "Bo"), table.getItems().stream().map(p -> p.name()).toList());
    assertEquals("2 here · 1 synced", Fx.call(() -> ((Label) lobby.lookup(".player-count"))
        .getText()));
  }

  @Test
  void show_players_badgesSayConnectionAndSync() {
    PlayerView away = new PlayerView("2", "Bo", List.of(), false, Double.NaN, 14.8, false,
        app.peal.game.Score.EMPTY);
    RoomSnapshot snapshot =
        room.withPlayers(List.of(FakeRoom.player("1", "Ada", true, "C4"), away));

    javafx.stage.Stage stage = Fx.call(() -> {
      javafx.stage.Stage window = new javafx.stage.Stage();
      window.setScene(new javafx.scene.Scene(lobby, 1280, 800));
      window.show();
      lobby.show(snapshot);
      return window;
    });
    Fx.settle();
    List<String> connection = Fx.call(() -> badges(PlayerTable.STATE_STYLE_CLASS));
    List<String> sync = Fx.call(() -> badges(PlayerTable.SYNC_STYLE_CLASS));
    Fx.run(stage::hide);

    assertEquals(List.of("● connected", "◌ reconnecting"), connection);
    assertEquals(List.of("✓ synced ±2.1 ms", "… syncing ±15 ms"), sync);
  }

  private List<String> badges(String styleClass) {
    return lobby.lookupAll("." + styleClass).stream().map(n -> ((Label) n).getText())
        .filter(text -> text != null && !text.isEmpty()).toList();
  }

  @Test
  void show_startBlocked_disablesStartAndShowsReason() {
    Fx.run(() -> lobby.show(room.snapshot()));

    assertTrue(startButton().isDisabled());
    assertEquals("choose a song first", reasonText());
  }

  @Test
  void songChooser_hostPicksSong_asksTheRoom() {
    Fx.run(() -> lobby.show(room.snapshot()));

    Fx.run(() -> songChooser().getSelectionModel().select(1));

    assertEquals(List.of("chooseSong london"), room.calls);
  }

  @Test
  void show_snapshotWithSong_selectsItWithoutAskingTheRoom() {
    room.chooseSong("ode");
    room.calls.clear();

    Fx.run(() -> lobby.show(room.snapshot()));

    assertEquals("ode", Fx.call(() -> songChooser().getValue().id()));
    assertEquals(List.of(), room.calls);
    assertFalse(startButton().isDisabled());
  }

  @Test
  void start_roomRefuses_showsTheRefusal() {
    room.chooseSong("ode");
    Fx.run(() -> lobby.show(room.snapshot()));
    room.refusal = "Jonah's phone is not synced yet";

    Fx.run(() -> startButton().fire());

    assertEquals("Jonah's phone is not synced yet", reasonText());
    assertEquals(List.of("chooseSong ode", "start"), room.calls);
  }

  @Test
  void constructor_soundNote_showsIt() {
    LobbyView quiet = Fx.call(() -> new LobbyView(room, LINKS, "No sound device"));

    String note = Fx.call(() ->
        ((Label) quiet.lookup("." + LobbyView.SOUND_NOTE_STYLE_CLASS)).getText());

    assertEquals("No sound device", note);
  }

  private Button startButton() {
    return Fx.call(() -> (Button) lobby.lookup("." + LobbyView.START_STYLE_CLASS));
  }

  private String reasonText() {
    return Fx.call(() -> ((Label) lobby.lookup("." + LobbyView.REASON_STYLE_CLASS)).getText());
  }

  @SuppressWarnings("unchecked")
  private ComboBox<app.peal.music.Song> songChooser() {
    return (ComboBox<app.peal.music.Song>) lobby.lookup(".song-chooser");
  }
}
