package app.peal.game;

/** Where the room is in its cycle. */
public enum Phase {
  LOBBY,
  COUNT_IN,
  PLAYING,
  RESULTS
}
