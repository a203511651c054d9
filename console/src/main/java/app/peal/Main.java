package app.peal;

import app.peal.game.JoinLinks;
import app.peal.music.MidiCommand;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.sound.AudioProbe;
import app.peal.sound.BellSounds;
import app.peal.sound.LineBells;
import app.peal.ui.ConsoleApp;
import app.peal.ui.ConsoleSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The console's command line: opens the party, then either the window or the headless command
 * prompt, and shuts everything down when the host is done.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("convert-midi")) {
      System.exit(MidiCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
    }
    // One line a record, so the host's terminal reads as a log rather than a stack of pairs.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format",
          "%1$tT %4$s %3$s: %5$s%6$s%n");
    }
    int code = run(args, System.in, System.out, System.err);
    if (code != OK) {
      System.exit(code);
    }
  }

  /** Runs the console; returns the process exit code. Blocks until the host is done. */
  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("peal: " + e.getMessage());
      return USAGE;
    }
    if (options.help()) {
      out.println(Options.USAGE);
      return OK;
    }

    Party party;
    try {
      party = Party.open(options);
    } catch (IOException | IllegalArgumentException e) {
      err.println("peal: " + e.getMessage());
      return FAILED;
    }
    if (options.headless()) {
      return headless(party, options, in, out);
    }
    ConsoleApp.launch(new ConsoleSetup(party.room(), party.links(), () -> startSound(party),
        party::close));
    return OK;
  }

  private static int headless(Party party, Options options, InputStream in, PrintStream out) {
    Runtime.getRuntime().addShutdownHook(new Thread(party::close, "peal-shutdown"));
    printBanner(party, options, out);

    HeadlessConsole console = new HeadlessConsole(party.room(), out);
    try {
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      if (console.run(reader)) {
        party.close();
        return OK;
      }
    } catch (IOException e) {
      out.println("cannot read commands (" + e.getMessage() + "); serving until stopped");
    }
    // No more input (run in the background, or stdin closed): keep the party going until killed.
    out.println("no more commands on input; serving until stopped (Ctrl+C)");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  private static void printBanner(Party party, Options options, PrintStream out) {
    JoinLinks links = party.links();
    out.println("Peal is open. Room code: " + links.roomCode());
    out.println("join: " + links.url(links.hosts().get(0)));
    for (String other : links.hosts().subList(1, links.hosts().size())) {
      out.println("  or: " + links.url(other));
    }
    if (party.fingerprint() != null) {
      out.println("certificate SHA-256: " + party.fingerprint()
          + (party.newCertificate() ? " (new: guests accept it once)" : ""));
    } else {
      out.println("plain http: phones can tap to ring but not shake");
    }
    party.songProblems().forEach((file, why) -> out.println("song skipped: " + file + ": " + why));
    Optional<LineBells> sound = LineBells.open();
    if (sound.isPresent()) {
      renderInBackground(party, sound.get()::prepare);
      party.useBells(sound.get());
      out.println("the console rings the bells nobody holds");
    } else {
      out.println(AudioProbe.Result.SILENT_NOTICE);
    }
    Song chosen = party.room().snapshot().song();
    if (chosen != null) {
      out.println("song: " + chosen.title() + (options.autostart() > 0
          ? "; starts once " + options.autostart() + " phone(s) are synced" : ""));
    }
    out.println("type 'help' for commands");
  }

  /** Renders every song's bells ahead of their first ring; the console should not wait for it. */
  private static void renderInBackground(Party party, Consumer<Set<Pitch>> prepare) {
    Set<Pitch> pitches = new HashSet<>();
    party.room().songs().forEach(s -> pitches.addAll(s.pitches()));
    Thread render = new Thread(() -> prepare.accept(pitches), "peal-bell-render");
    render.setDaemon(true);
    render.start();
  }

  /** Probes the sound device on the FX thread and rings the console's bells through it. */
  private static String startSound(Party party) {
    AudioProbe.Result probe = AudioProbe.probe();
    if (!probe.available()) {
      return probe.notice();
    }
    try {
      BellSounds sounds = BellSounds.inTempDirectory();
      renderInBackground(party, sounds::prepare);
      party.useBells(sounds);
      return null;
    } catch (IOException | RuntimeException e) {
      System.getLogger(Main.class.getName()).log(System.Logger.Level.WARNING,
          "cannot prepare the bell sounds; the console's bells are silent", e);
      return AudioProbe.Result.SILENT_NOTICE;
    }
  }
}
