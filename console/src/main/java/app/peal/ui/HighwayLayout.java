package app.peal.ui;

/**
 * Where things sit on the note highway for one canvas size: lanes side by side, a play line near
 * the bottom with the lane labels below it, and notes that fall at a constant speed so each one
 * crosses the play line exactly at its instant.
 */
final class HighwayLayout {
  /** How far ahead the highway shows notes coming. */
  static final double LOOKAHEAD_MS = 3500;
  /** How long a note stays in sight after its instant. */
  static final double PASS_MS = 400;
  static final double MAX_LANE_WIDTH = 190;
  private static final double LABEL_BAND_SHARE = 0.2;
  private static final double MAX_LABEL_BAND = 150;

  private final double width;
  private final double height;
  private final int lanes;

  HighwayLayout(double width, double height, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("a highway needs at least one lane, not " + lanes);
    }
    this.width = Math.max(0, width);
    this.height = Math.max(0, height);
    this.lanes = lanes;
  }

  int lanes() {
    return lanes;
  }

  double width() {
    return width;
  }

  double height() {
    return height;
  }

  double laneWidth() {
    return Math.min(MAX_LANE_WIDTH, width / lanes);
  }

  /** Left edge of lane {@code i}; the lanes are centred as a group. */
  double laneLeft(int i) {
    return (width - laneWidth() * lanes) / 2 + i * laneWidth();
  }

  double laneCenter(int i) {
    return laneLeft(i) + laneWidth() / 2;
  }

  double playLineY() {
    return height - labelBandHeight();
  }

  double labelBandHeight() {
    return Math.min(MAX_LABEL_BAND, height * LABEL_BAND_SHARE);
  }

  /** Height of a falling note: a tenth of a second of travel, but never a sliver. */
  double noteHeight() {
    return Math.max(34, pixelsPerMs() * 110);
  }

  double pixelsPerMs() {
    return playLineY() / LOOKAHEAD_MS;
  }

  /** Vertical centre of a note due at {@code noteAt} when the room clock reads {@code nowMs}. */
  double noteY(double noteAt, double nowMs) {
    return playLineY() - (noteAt - nowMs) * pixelsPerMs();
  }
}
