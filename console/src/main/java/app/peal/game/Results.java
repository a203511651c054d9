package app.peal.game;

import java.util.List;

/** The end of a song: each player's score, best first, and the choir's together. */
public record Results(String songTitle, List<PlayerResult> players, Score choir) {

  public record PlayerResult(String playerId, String name, Score score) {}
}
