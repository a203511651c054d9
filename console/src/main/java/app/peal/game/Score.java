package app.peal.game;

/** Running tally of one player's (or the choir's) judged notes and rings. */
public record Score(int notes, int perfect, int good, int miss, int stray, double meanAbsOffsetMs) {
  public static final Score EMPTY = new Score(0, 0, 0, 0, 0, Double.NaN);

  /** Share of notes rung in time, 0..1; 0 for no notes. */
  public double accuracy() {
    return notes == 0 ? 0 : (perfect + good) / (double) notes;
  }
}
