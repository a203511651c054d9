package app.peal;

import app.peal.game.Phase;
import app.peal.game.RoomControl;
import app.peal.game.RoomListener;
import app.peal.game.RoomSnapshot;

/**
 * Starts the chosen song, once, as soon as enough phones have joined and every phone present is
 * synced: {@code --autostart N} for a host with no window.
 */
final class AutoStart implements RoomListener {
  private static final System.Logger LOG = System.getLogger(AutoStart.class.getName());

  private final RoomControl room;
  private final int phones;
  private boolean done;

  AutoStart(RoomControl room, int phones) {
    if (phones < 1) {
      throw new IllegalArgumentException("autostart needs at least 1 phone, not " + phones);
    }
    this.room = room;
    this.phones = phones;
  }

  @Override
  public void roomChanged(RoomSnapshot snapshot) {
    if (done || snapshot.phase() != Phase.LOBBY || !snapshot.canStart()) {
      return;
    }
    long synced = snapshot.players().stream()
        .filter(p -> p.connected() && p.synced())
        .count();
    if (synced < phones) {
      return;
    }

    done = true;
    try {
      room.start();
    } catch (IllegalStateException e) {
      // The room moved on between the snapshot and now; the next snapshot tries again.
      done = false;
      LOG.log(System.Logger.Level.INFO, "autostart waits: {0}", e.getMessage());
    }
  }
}
