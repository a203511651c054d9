package app.peal.bench;

import app.peal.music.Song;
import app.peal.music.SongLibrary;
import app.peal.music.SongParser;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's entry point: start skew of the three ways of starting under each network
 * profile, ring-judging error, a real five-minute song with drifting clocks, real Chromium pages,
 * and scale on one console. Writes docs/benchmark-results.md and docs/img/start-skew.svg.
 *
 * <p>Options (all optional): {@code --rounds 30 --profiles lan,wifi,party-wifi --sizes 10,50
 * --seed 7 --lobby-s 20 --drift-minutes 5 --drift-phones 50 --browsers 8 --browser-rounds 30
 * --scale 10,50,100,250 --scale-rounds 10 --scale-seeds 10,11,12 --scale-proxy one-thread
 * --phones-per-process 64 --warm-up-rounds 1 --docs ../docs --report benchmark-results}; the
 * scale seeds default to the seed plus 3, 4 and 5. A size list of "0" skips a part;
 * {@code --report} names the Markdown file and the raw JSON.
 */
public final class Bench {
  private static final System.Logger LOG = System.getLogger(Bench.class.getName());
  private static final String SONG_ID = "we-wish-you-a-merry-christmas";

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = parse(args);
    Path root = Path.of(System.getProperty("peal.root", "..")).toAbsolutePath().normalize();
    Path docs = Path.of(opts.getOrDefault("docs", root.resolve("docs").toString()));
    Path work = Path.of(System.getProperty("peal.work", "target")).toAbsolutePath();
    Path sim = root.resolve("bench/src/main/js/sim-phones.mjs");
    Path pages = root.resolve("bench/src/main/js/chromium-pages.mjs");
    long seed = Long.parseLong(opts.getOrDefault("seed", "7"));
    int rounds = Integer.parseInt(opts.getOrDefault("rounds", "30"));
    long lobbyMs = Long.parseLong(opts.getOrDefault("lobby-s", "20")) * 1000;
    int perProcess = Integer.parseInt(opts.getOrDefault("phones-per-process", "64"));
    int warmUp = Integer.parseInt(opts.getOrDefault("warm-up-rounds", "1"));
    Song song = SongLibrary.bundled().find(SONG_ID).orElseThrow(() ->
        new IllegalStateException("the bundled song '" + SONG_ID + "' is missing"));
    Report report = new Report(Machine.describe(), seed, rounds, warmUp);
    long began = System.nanoTime();

    for (String name : list(opts.getOrDefault("profiles", String.join(",", Profile.NAMES)))) {
      for (int n : ints(opts.getOrDefault("sizes", "10,50"))) {
        Profile profile = Profile.named(name);
        LOG.log(System.Logger.Level.INFO, "skew: {0} with {1} phones, {2} rounds", name, n,
            rounds);
        report.skew(SyncRun.run(new SyncRun.Options(profile, n, rounds, seed, song, sim,
            work.resolve("logs/sim-" + name + "-" + n + ".log"), null, 0, lobbyMs, false,
            perProcess, warmUp)));
      }
    }

    int driftMinutes = Integer.parseInt(opts.getOrDefault("drift-minutes", "5"));
    if (driftMinutes > 0) {
      int n = Integer.parseInt(opts.getOrDefault("drift-phones", "50"));
      Song longSong = steadySong(driftMinutes);
      JsonObject plan = new JsonObject();
      plan.addProperty("everyMs", 5000);
      plan.addProperty("jitterMs", 300);
      LOG.log(System.Logger.Level.INFO, "drift: a {0}-minute song, {1} phones on party-wifi",
          driftMinutes, n);
      // No warm-up song: it would give the clocks minutes of history before the one measured.
      report.drift(SyncRun.run(new SyncRun.Options(Profile.named("party-wifi"), n, 1, seed + 1,
          longSong, sim, work.resolve("logs/sim-drift.log"), plan,
          longSong.durationMs() - 500, lobbyMs, false, perProcess, 0)));
    }

    int browsers = Integer.parseInt(opts.getOrDefault("browsers", "8"));
    if (browsers > 0) {
      int browserRounds = Integer.parseInt(opts.getOrDefault("browser-rounds", "30"));
      LOG.log(System.Logger.Level.INFO, "chromium: {0} pages on wifi, {1} rounds", browsers,
          browserRounds);
      report.browsers(ChromiumRun.run(Profile.named("wifi"), browsers, browserRounds, seed + 2,
          song, pages, work.resolve("logs/chromium.log"), lobbyMs));
    }

    int scaleRounds = Integer.parseInt(opts.getOrDefault("scale-rounds", "10"));
    // Hundreds of proxy threads crowd the console on two cores; see OneThreadProxy.
    boolean oneThread = !opts.getOrDefault("scale-proxy", "one-thread").equals("threads");
    // Each scale seed replays the sizes on a network and clocks of its own, in one run.
    String threeSeeds = (seed + 3) + "," + (seed + 4) + "," + (seed + 5);
    for (long scaleSeed : longs(opts.getOrDefault("scale-seeds", threeSeeds))) {
      for (int n : ints(opts.getOrDefault("scale", "10,50,100,250"))) {
        LOG.log(System.Logger.Level.INFO, "scale: {0} phones on lan, seed {1}", n, scaleSeed);
        report.scale(SyncRun.run(new SyncRun.Options(Profile.named("lan"), n, scaleRounds,
            scaleSeed, song, sim, work.resolve("logs/sim-scale-" + n + ".log"), null, 0,
            lobbyMs, oneThread, perProcess, warmUp)));
      }
    }

    report.finish((System.nanoTime() - began) / 1e9);
    String name = opts.getOrDefault("report", "benchmark-results");
    Files.createDirectories(docs.resolve("img"));
    Files.writeString(docs.resolve(name + ".md"), report.markdown());
    if (!report.skewResults().isEmpty()) {
      Files.writeString(docs.resolve("img/start-skew.svg"), SkewPlot.svg(report.skewResults()));
    }
    Files.createDirectories(work);
    Files.writeString(work.resolve(name + "-raw.json"), report.rawJson());
    LOG.log(System.Logger.Level.INFO, "wrote {0}", docs.resolve(name + ".md"));
    System.exit(0);
  }

  /** A song of steady quarter notes lasting the given minutes, for the long drift run. */
  static Song steadySong(int minutes) {
    int bars = minutes * 30;
    StringBuilder melody = new StringBuilder();
    for (int i = 0; i < bars; i++) {
      melody.append(i > 0 ? "," : "").append("\"C5/1 E5 G5 E5 |\"");
    }
    String json = "{\"title\":\"Long steady bench song\",\"tempo\":120,\"time\":\"4/4\","
        + "\"melody\":[" + melody + "]}";
    return SongParser.parse("bench-long", json);
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new TreeMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected '--name value' pairs, got '" + args[i]
            + "'; see the class comment of app.peal.bench.Bench for the options");
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  static List<String> list(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static List<Long> longs(String csv) {
    return list(csv).stream().map(Long::parseLong).toList();
  }

  static List<Integer> ints(String csv) {
    List<Integer> out = new ArrayList<>();
    for (String s : list(csv)) {
      int n = Integer.parseInt(s);
      if (n > 0) {
        out.add(n);
      }
    }
    return out;
  }
}
