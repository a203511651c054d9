package app.peal.ui;

import app.peal.game.PlayerView;
import app.peal.music.Pitch;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;

/**
 * The lobby's live list of guests: name, bells, whether the phone is connected, its round trip
 * and how well its clock is synced. Rows are replaced wholesale with every snapshot.
 */
final class PlayerTable extends TableView<PlayerView> {
  static final String STYLE_CLASS = "player-table";
  static final String STATE_STYLE_CLASS = "player-state";
  static final String SYNC_STYLE_CLASS = "player-sync";
  static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
  static final PseudoClass SYNCED = PseudoClass.getPseudoClass("synced");

  PlayerTable() {
    getStyleClass().add(STYLE_CLASS);
    setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    setPlaceholder(new Label("Waiting for guests to join…"));
    setFocusTraversable(false);

    TableColumn<PlayerView, String> name = column("Guest", PlayerView::name);
    name.setPrefWidth(160);
    TableColumn<PlayerView, List<Pitch>> bells = column("Bells", PlayerView::bells);
    bells.setPrefWidth(130);
    bells.setCellFactory(c -> new BellsCell());
    TableColumn<PlayerView, PlayerView> state = column("Phone", p -> p);
    state.setPrefWidth(165);
    state.setCellFactory(c -> new BadgeCell(STATE_STYLE_CLASS, CONNECTED, PlayerView::connected,
        p -> p.connected() ? "● connected" : "◌ reconnecting"));
    TableColumn<PlayerView, String> rtt = column("Ping", p -> Format.millis(p.rttMs()));
    rtt.setPrefWidth(80);
    TableColumn<PlayerView, PlayerView> sync = column("Clock", p -> p);
    sync.setPrefWidth(195);
    sync.setCellFactory(c -> new BadgeCell(SYNC_STYLE_CLASS, SYNCED, PlayerView::synced,
        p -> (p.synced() ? "✓ synced " : "… syncing ") + Format.plusMinus(p.uncertaintyMs())));
    getColumns().setAll(List.of(name, bells, state, rtt, sync));
    for (TableColumn<PlayerView, ?> column : getColumns()) {
      column.setSortable(false);
      column.setReorderable(false);
    }
  }

  void show(List<PlayerView> players) {
    getItems().setAll(players);
  }

  private static <T> TableColumn<PlayerView, T> column(
      String title, Function<PlayerView, T> value) {
    TableColumn<PlayerView, T> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    return column;
  }

  private static final class BellsCell extends TableCell<PlayerView, List<Pitch>> {
    private final FlowPane chips = BellChip.row();

    @Override
    protected void updateItem(List<Pitch> bells, boolean empty) {
      super.updateItem(bells, empty);
      boolean none = empty || bells == null || bells.isEmpty();
      if (!none) {
        BellChip.fill(chips, bells);
      }
      setGraphic(none ? null : chips);
      setText(!empty && none ? "none yet" : null);
    }
  }

  /** A badge whose text and on/off pseudo-class follow the player. */
  private static final class BadgeCell extends TableCell<PlayerView, PlayerView> {
    private final Label badge = new Label();
    private final PseudoClass state;
    private final Predicate<PlayerView> on;
    private final Function<PlayerView, String> text;

    BadgeCell(String styleClass, PseudoClass state, Predicate<PlayerView> on,
        Function<PlayerView, String> text) {
      badge.getStyleClass().add(styleClass);
      this.state = state;
      this.on = on;
      this.text = text;
    }

    @Override
    protected void updateItem(PlayerView player, boolean empty) {
      super.updateItem(player, empty);
      if (empty || player == null) {
        setGraphic(null);
        return;
      }
      badge.setText(text.apply(player));
      badge.pseudoClassStateChanged(state, on.test(player));
      setGraphic(badge);
    }
  }
}
