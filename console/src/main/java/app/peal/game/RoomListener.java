package app.peal.game;

/**
 * Told of changes in the room. Called on the room's own thread; a JavaFX view must hop to the FX
 * thread with {@code Platform.runLater}. Implementations must return quickly.
 */
public interface RoomListener {
  /** Anything the host sees changed: players, sync, song, phase. */
  void roomChanged(RoomSnapshot snapshot);

  /** One note or ring was judged during a song. */
  default void judged(Judgement judgement) {}
}
