package app.peal;

import app.peal.game.PlayerView;
import app.peal.game.RoomControl;
import app.peal.game.RoomSnapshot;
import app.peal.music.Song;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The console without a window: the host types commands (or lets --autostart start the song)
 * and reads the room's state as text.
 */
final class HeadlessConsole {
  static final String HELP = String.join("\n",
      "commands:",
      "  songs          list the songs",
      "  song NAME      choose a song (id or title)",
      "  players        list the players, their bells and clock sync",
      "  start          start the chosen song",
      "  stop           stop the song under way",
      "  lobby          leave the results for the lobby",
      "  status         the room's state",
      "  quit           shut the console down");

  private final RoomControl room;
  private final PrintStream out;

  HeadlessConsole(RoomControl room, PrintStream out) {
    this.room = room;
    this.out = out;
  }

  /** Reads commands until end of input or "quit"; true when the host asked to quit. */
  boolean run(BufferedReader in) throws IOException {
    for (String line; (line = in.readLine()) != null; ) {
      if (!execute(line.trim())) {
        return true;
      }
    }
    return false;
  }

  /** Runs one command and prints its answer; false when the host asked to quit. */
  boolean execute(String line) {
    String[] words = line.split("\\s+", 2);
    String verb = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].trim() : "";
    try {
      switch (verb) {
        case "" -> { }
        case "help", "?" -> out.println(HELP);
        case "songs" -> room.songs().forEach(s -> out.printf("  %-32s %s (%s bpm, %d/%d)%n",
            s.id(), s.title(), fmt(s.bpm()), s.beatsPerBar(), s.beatUnit()));
        case "song" -> {
          Song s = find(room, arg).orElseThrow(() -> new IllegalArgumentException(
              "no song '" + arg + "'; type 'songs' to list them"));
          room.chooseSong(s.id());
          out.println("chosen: " + s.title());
        }
        case "players" -> printPlayers(room.snapshot());
        case "start" -> {
          room.start();
          out.println("starting: " + room.snapshot().song().title());
        }
        case "stop" -> room.stop();
        case "lobby" -> room.backToLobby();
        case "status" -> printStatus(room.snapshot());
        case "quit", "exit" -> {
          return false;
        }
        default -> out.println("unknown command '" + verb + "'; type 'help' for the commands");
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      out.println("cannot " + verb + ": " + e.getMessage());
    }
    return true;
  }

  static Optional<Song> find(RoomControl room, String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return room.songs().stream()
        .filter(s -> s.id().equalsIgnoreCase(wanted) || s.title().toLowerCase(Locale.ROOT)
            .equals(wanted))
        .findFirst();
  }

  private void printStatus(RoomSnapshot s) {
    out.printf("room %s, %s, song: %s, players: %d%n", s.code(),
        s.phase().name().toLowerCase(Locale.ROOT), s.song() == null ? "none" : s.song().title(),
        s.players().size());
    out.println(s.canStart() ? "ready to start" : "cannot start: " + s.startBlockedReason());
    if (s.results() != null) {
      out.printf("last song: %s, choir accuracy %d%%%n", s.results().songTitle(),
          Math.round(s.results().choir().accuracy() * 100));
      s.results().players().forEach(r -> out.printf("  %-24s %3d%%  perfect %d good %d miss %d%n",
          r.name(), Math.round(r.score().accuracy() * 100), r.score().perfect(),
          r.score().good(), r.score().miss()));
    }
  }

  private void printPlayers(RoomSnapshot s) {
    if (s.players().isEmpty()) {
      out.println("no players yet");
    }
    for (PlayerView p : s.players()) {
      out.printf("  %-24s %-14s %-12s rtt %s ms, sync ±%s ms%s%n", p.name(),
          String.join(" ", p.bells().stream().map(b -> b.displayName()).toList()),
          p.connected() ? "connected" : "away", fmt(p.rttMs()), fmt(p.uncertaintyMs()),
          p.synced() ? "" : " (not synced)");
    }
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "?" : String.format(Locale.ROOT, "%.1f", v);
  }
}
