package app.peal.game;

/** How one ring or note was judged. */
public enum Verdict {
  PERFECT,
  GOOD,
  MISS,
  /** A ring that matched no note. */
  STRAY
}
