package app.peal.music;

/**
 * A time signature such as 4/4, 3/4 or 6/8. A beat is always the signature's lower unit, so 6/8
 * has six eighth-note beats in a bar and the tempo counts eighths.
 */
record Metre(int beatsPerBar, int beatUnit) {

  static Metre parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "time signature '" + text + "' should look like 4/4, 3/4 or 6/8");
    }
    int upper;
    int lower;
    try {
      upper = Integer.parseInt(parts[0].trim());
      lower = Integer.parseInt(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "time signature '" + text + "' should look like 4/4, 3/4 or 6/8", e);
    }
    if (upper < 1 || upper > 16 || (lower != 2 && lower != 4 && lower != 8 && lower != 16)) {
      throw new IllegalArgumentException("time signature '" + text
          + "' needs 1 to 16 beats over a unit of 2, 4, 8 or 16, as in 4/4 or 6/8");
    }
    return new Metre(upper, lower);
  }

  @Override
  public String toString() {
    return beatsPerBar + "/" + beatUnit;
  }
}
