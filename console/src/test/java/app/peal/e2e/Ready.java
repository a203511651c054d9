package app.peal.e2e;

import app.peal.game.PlayerView;
import app.peal.game.RoomSnapshot;

/** The condition the end-to-end tests wait for before the host starts. */
final class Ready {
  private Ready() {}

  /**
   * True once the snapshot shows exactly {@code players} guests, every one synced, and the room
   * may start. Snapshots are coalesced, so {@code canStart()} alone may still be the one taken
   * before anyone joined, when nobody was waiting to sync.
   */
  static boolean withSynced(RoomSnapshot snapshot, int players) {
    return snapshot.players().size() == players
        && snapshot.players().stream().allMatch(PlayerView::synced)
        && snapshot.canStart();
  }
}
