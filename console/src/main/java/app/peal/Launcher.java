package app.peal;

/** Entry point of the console; the real work starts in {@link Main}. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    Main.main(args);
  }
}
