package app.peal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console's command line, parsed and checked; errors say which option and how to fix it. */
public record Options(
    boolean headless,
    int port,
    boolean plainHttp,
    String bind,
    String host,
    Path songsDir,
    Path configDir,
    String song,
    int autostart,
    String room,
    boolean help) {

  public static final int DEFAULT_PORT = 8443;

  public static final String USAGE = String.join("\n",
      "usage: peal [options]",
      "  --headless          run the server without a window; type 'help' for commands",
      "  --port N            port for the page and the socket (default 8443; 0 picks a free one)",
      "  --plain-http        serve http:// instead of https:// (no certificate warning, but",
      "                      phones can only tap to ring: browsers allow shaking on https only)",
      "  --host ADDRESS      the address to advertise in the join link and QR code",
      "  --bind ADDRESS      listen on this address only (default: every interface)",
      "  --songs DIR         read songs from DIR instead of the bundled ones",
      "  --config-dir DIR    where the certificate is kept (default ~/.config/peal)",
      "  --song NAME         choose this song at start-up (id or title)",
      "  --autostart N       start the song once N phones have joined and synced",
      "  --room CODE         use this 4-letter room code instead of a random one",
      "  --help              show this text");

  public static Options parse(String... args) {
    boolean headless = false;
    int port = DEFAULT_PORT;
    boolean plain = false;
    String bind = null;
    String host = null;
    Path songs = null;
    Path config = null;
    String song = null;
    int autostart = 0;
    String room = null;
    boolean help = false;

    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String opt = rest.remove(0);
      switch (opt) {
        case "--headless" -> headless = true;
        case "--plain-http" -> plain = true;
        case "--help", "-h" -> help = true;
        case "--port" -> port = integer(opt, value(opt, rest), 0, 65535);
        case "--bind" -> bind = value(opt, rest);
        case "--host" -> host = value(opt, rest);
        case "--songs" -> songs = Path.of(value(opt, rest));
        case "--config-dir" -> config = Path.of(value(opt, rest));
        case "--song" -> song = value(opt, rest);
        case "--autostart" -> autostart = integer(opt, value(opt, rest), 1, 300);
        case "--room" -> room = roomCode(value(opt, rest));
        default -> throw new IllegalArgumentException(
            "unknown option '" + opt + "'; run with --help to see the options");
      }
    }
    if (autostart > 0 && song == null) {
      throw new IllegalArgumentException("--autostart needs --song NAME to know what to play");
    }
    return new Options(headless, port, plain, bind, host, songs, config, song, autostart, room,
        help);
  }

  private static String value(String opt, List<String> rest) {
    if (rest.isEmpty() || rest.get(0).startsWith("--")) {
      throw new IllegalArgumentException(
          opt + " needs a value; run with --help to see the options");
    }
    return rest.remove(0);
  }

  private static int integer(String opt, String text, int min, int max) {
    try {
      int v = Integer.parseInt(text);
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          opt + " '" + text + "' must be a whole number from " + min + " to " + max);
    }
  }

  private static String roomCode(String text) {
    String code = text.trim().toUpperCase(Locale.ROOT);
    if (code.length() != app.peal.game.RoomCodes.LENGTH) {
      throw new IllegalArgumentException("--room '" + text + "' must be 4 letters");
    }
    for (char c : code.toCharArray()) {
      if (app.peal.game.RoomCodes.ALPHABET.indexOf(c) < 0) {
        throw new IllegalArgumentException("--room '" + text + "' may use only the letters "
            + app.peal.game.RoomCodes.ALPHABET + " (no look-alikes)");
      }
    }
    return code;
  }
}
