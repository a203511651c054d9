package app.peal.music;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The command-line converter: {@code convert-midi FILE.mid [--out FILE.json] [--harmony]} reads
 * a MIDI file as the console's import does and writes the song format, to the file named or to
 * standard output. A summary of what was kept goes to the error stream, so the output can be
 * redirected into the songs folder as it is.
 */
public final class MidiCommand {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final String USAGE_TEXT =
      "usage: convert-midi FILE.mid [--out FILE.json] [--harmony]";

  private MidiCommand() {}

  /** @return 0 when converted, 1 when the file could not be, 2 for bad arguments */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    Path input = null;
    Path output = null;
    boolean harmony = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--harmony")) {
        harmony = true;
      } else if (arg.equals("--out")) {
        if (i + 1 >= args.size()) {
          err.println("--out needs a file name, as in --out songs/my-song.json");
          err.println(USAGE_TEXT);
          return USAGE;
        }
        output = Path.of(args.get(++i));
      } else if (arg.startsWith("--")) {
        err.println("unknown option '" + arg + "'");
        err.println(USAGE_TEXT);
        return USAGE;
      } else if (input == null) {
        input = Path.of(arg);
      } else {
        err.println("one MIDI file at a time; '" + arg + "' is a second one");
        err.println(USAGE_TEXT);
        return USAGE;
      }
    }
    if (input == null) {
      err.println(USAGE_TEXT);
      return USAGE;
    }

    Song song;
    try {
      song = MidiImport.read(input, harmony);
    } catch (MidiImportException e) {
      err.println(e.getMessage());
      return FAILED;
    }
    String json = SongWriter.toJson(song);
    if (output == null) {
      out.print(json);
    } else {
      try {
        Files.writeString(output, json, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("cannot write '" + output + "': " + e.getMessage()
            + "; check the folder exists and can be written");
        return FAILED;
      }
    }
    err.println(summary(song) + (output == null ? "" : " -> " + output));
    return OK;
  }

  static String summary(Song song) {
    return String.format(Locale.ROOT, "'%s': %d notes on %d bells %s-%s, %s at %s",
        song.title(), song.notes().size(), song.pitches().size(), song.pitches().first(),
        song.pitches().last(), song.beatsPerBar() + "/" + song.beatUnit(),
        SongWriter.number(Math.round(song.bpm() * 10) / 10.0));
  }
}
