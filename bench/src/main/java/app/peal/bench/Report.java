package app.peal.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Collects the runs' results and writes them as Markdown tables and raw JSON. */
final class Report {
  static final double TARGET_SKEW_MS = 5;
  static final double TARGET_RATIO = 20;
  static final double TARGET_LATENCY_MS = 20;
  static final double TARGET_HEAP_MB = 256;

  private final Map<String, String> machine;
  private final long seed;
  private final int rounds;
  private final int warmUpRounds;
  private final List<SyncRun.Result> skews = new ArrayList<>();
  private final List<SyncRun.Result> scales = new ArrayList<>();
  private SyncRun.Result drift;
  private ChromiumRun.Result browsers;
  private double seconds;

  Report(Map<String, String> machine, long seed, int rounds, int warmUpRounds) {
    this.machine = machine;
    this.seed = seed;
    this.rounds = rounds;
    this.warmUpRounds = warmUpRounds;
  }

  void skew(SyncRun.Result r) {
    skews.add(r);
  }

  void scale(SyncRun.Result r) {
    scales.add(r);
  }

  void drift(SyncRun.Result r) {
    drift = r;
  }

  void browsers(ChromiumRun.Result r) {
    browsers = r;
  }

  void finish(double runSeconds) {
    seconds = runSeconds;
  }

  List<SyncRun.Result> skewResults() {
    return skews;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results (generated)\n\n")
        .append("Written by `app.peal.bench.Bench`; do not edit by hand. The discussion is in ")
        .append("[benchmarks.md](benchmarks.md).\n\n")
        .append(String.format(Locale.ROOT, "Seed %d, %d rounds per configuration (the scale"
            + " runs give their own count), each configuration after %d warm-up round(s) that"
            + " are played and not counted (none before the long song). Whole run %.0f s.%n%n",
            seed, rounds, warmUpRounds, seconds));
    md.append("| machine | |\n|---|---|\n");
    machine.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    md.append('\n');
    appendSkew(md);
    appendPeal(md);
    appendDrift(md);
    appendBrowsers(md);
    appendScale(md);
    appendTargets(md);
    return md.toString();
  }

  private void appendSkew(StringBuilder md) {
    md.append("## Start skew (max - min of true start instants per round, ms)\n\n")
        .append("| profile | phones | mode | rounds | p50 | p95 | max | p95 / Peal p95 |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (SyncRun.Result r : skews) {
      Stats peal = Stats.of(r.pealSkew());
      row(md, r, "naive", Stats.of(r.naiveSkew()), peal);
      row(md, r, "warm-up", Stats.of(r.warmSkew()), peal);
      row(md, r, "Peal", peal, peal);
    }
    md.append('\n');
  }

  private static void row(StringBuilder md, SyncRun.Result r, String mode, Stats s, Stats peal) {
    md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %.1f | %.1f | %s |%n",
        r.profile(), r.phones(), mode, s.count(), s.p50(), s.p95(), s.max(),
        mode.equals("Peal") ? "1" : String.format(Locale.ROOT, "%.0fx", s.p95() / peal.p95())));
  }

  private void appendPeal(StringBuilder md) {
    md.append("## Peal: scheduling and ring-judging error (ms)\n\n")
        .append("Start error is true start minus the scheduled instant, over every phone and ")
        .append("round. Ring error is the ring's stamp (`at`) minus its true instant, which is ")
        .append("exactly judged offset minus true offset; the last columns check that against ")
        .append("the console's own `judged` answers where the ring hit a note. Timer lateness ")
        .append("is how late the start fired by the phone's own estimate: the part of the error ")
        .append("that is the machine's timers, not the sync.\n\n")
        .append("| profile | phones | start error p50 | start error p95 abs | ring error p95 abs")
        .append(" | ring error max abs | judged - true p95 abs (n) | timer lateness p50 / p95 |")
        .append(" worst uncertainty at start | max ring error / uncertainty |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (SyncRun.Result r : skews) {
      Stats start = Stats.of(r.pealStartError());
      Stats ringAbs = Stats.of(abs(r.ringError()));
      Stats judged = Stats.of(abs(r.judgedError()));
      Stats late = Stats.of(r.timerLateness());
      md.append(String.format(Locale.ROOT,
          "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f (%d) | %.2f / %.2f | %.1f | %.2f |%n",
          r.profile(), r.phones(), start.p50(), Stats.of(abs(r.pealStartError())).p95(),
          ringAbs.p95(), ringAbs.max(), judged.p95(), judged.count(), late.p50(), late.p95(),
          r.maxUncertaintyAtStart(), Stats.of(r.errorOverUncertainty()).max()));
    }
    md.append('\n');
  }

  private void appendDrift(StringBuilder md) {
    if (drift == null) {
      return;
    }
    md.append("## A five-minute song in real time with drifting clocks (party-wifi, ")
        .append(drift.phones()).append(" phones)\n\n")
        .append("Every phone schedules an event on its synced clock every 5 s of the song ")
        .append("(the same code as the song start) and rings when it fires. Per minute of the ")
        .append("song: the event's scheduling error (true fire minus target), the ring stamp ")
        .append("error, and the skew across phones of the events aimed at the same beat.\n\n")
        .append("| minute | events | sched error p95 abs | sched error max abs | ring error p95 ")
        .append("abs | ring error max abs | skew p95 |\n|---|---|---|---|---|---|---|\n");
    Map<Integer, List<Double>> sched = new TreeMap<>();
    Map<Integer, List<Double>> ring = new TreeMap<>();
    Map<Long, List<Double>> beat = new TreeMap<>();
    drift.rawEvents().forEach(e -> {
      JsonObject o = e.getAsJsonObject();
      double target = o.get("target").getAsDouble();
      double songAt = o.get("songAt").getAsDouble();
      double fired = o.get("fired").getAsDouble();
      int minute = (int) ((target - songAt) / 60_000);
      sched.computeIfAbsent(minute, k -> new ArrayList<>()).add(Math.abs(fired - target));
      ring.computeIfAbsent(minute, k -> new ArrayList<>())
          .add(Math.abs(o.get("stamp").getAsDouble() - fired));
      beat.computeIfAbsent(Math.round((target - songAt) / 5000), k -> new ArrayList<>())
          .add(fired - target);
    });
    for (int minute : sched.keySet()) {
      List<Double> skew = new ArrayList<>();
      beat.forEach((k, v) -> {
        if (k * 5000 / 60_000 == minute && v.size() > 1) {
          skew.add(Stats.spread(v));
        }
      });
      Stats s = Stats.of(sched.get(minute));
      Stats g = Stats.of(ring.get(minute));
      md.append(String.format(Locale.ROOT, "| %d-%d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
          minute, minute + 1, s.count(), s.p95(), s.max(), g.p95(), g.max(),
          Stats.of(skew).p95()));
    }
    md.append('\n');
  }

  private void appendBrowsers(StringBuilder md) {
    if (browsers == null) {
      return;
    }
    Stats s = Stats.of(browsers.skew());
    Stats e = Stats.of(abs(browsers.startError()));
    Stats late = Stats.of(browsers.timerLateness());
    md.append("## Real Chromium pages (").append(browsers.pages()).append(" pages, ")
        .append(browsers.profile()).append(", Peal start)\n\n")
        .append("| rounds | skew p50 | skew p95 | skew max | start error p95 abs | ")
        .append("timer lateness p50 / p95 | calibration round trip max | worst uncertainty at ")
        .append("start |\n|---|---|---|---|---|---|---|---|\n")
        .append(String.format(Locale.ROOT,
            "| %d | %.1f | %.1f | %.1f | %.1f | %.2f / %.2f | %.2f | %.1f |%n%n",
            s.count(), s.p50(), s.p95(), s.max(), e.p95(), late.p50(), late.p95(),
            Stats.of(browsers.calibrationRtt()).max(), browsers.maxUncertainty()));
  }

  private void appendScale(StringBuilder md) {
    if (scales.isEmpty()) {
      return;
    }
    md.append("## Scale on one console (lan)\n\n")
        .append("Join: from opening all sockets at once to the last `welcome`. Fan-out: a ")
        .append("broadcast's arrival at each phone minus its send (the lan profile adds about ")
        .append("2 ms, and the Node event loops the phones share, `--phones-per-process` each, ")
        .append("theirs); the console's part ends when the frame leaves the console's socket, ")
        .append("read by the proxy. Ring to judgement: ")
        .append("a ring's send to its `judged`/`stray` answer (two lan trips included). Heap: ")
        .append("what the configuration added to the bench JVM (console, connections and ")
        .append("proxy), live after a collection with every phone connected / peak. CPU: % of ")
        .append("one core over the configuration.\n\n")
        .append("| seed | phones | join max (ms) | fan-out p50 / p99 (ms) | console's part p50 / ")
        .append("p99 (ms) | ring to judgement p50 / p99")
        .append(" (ms) | heap live / peak (MB) | console CPU | proxy CPU | Peal skew p50 / p95 ")
        .append("(ms) |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (SyncRun.Result r : scales) {
      Stats f = Stats.of(r.fanoutMs());
      Stats j = Stats.of(r.ringToJudgementMs());
      Stats s = Stats.of(r.pealSkew());
      md.append(String.format(Locale.ROOT,
          "| %d | %d | %.0f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.0f | %.0f%% "
              + "| %.0f%% | %.1f / %.1f |%n", r.seed(), r.phones(), Stats.of(r.joinMs()).max(),
          f.p50(), f.p99(), Stats.of(r.consoleFanoutMs()).p50(),
          Stats.of(r.consoleFanoutMs()).p99(), j.p50(), j.p99(),
          // A collection's noise can leave the live heap a little under the baseline.
          Math.max(0, r.heapLiveMb()), r.heapPeakMb(), r.consoleCpuPercent(),
          r.rigCpuPercent(), s.p50(), s.p95()));
    }
    md.append('\n');
  }

  private void appendTargets(StringBuilder md) {
    md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (SyncRun.Result r : skews) {
      if (!r.profile().equals("party-wifi")) {
        continue;
      }
      Stats peal = Stats.of(r.pealSkew());
      Stats warm = Stats.of(r.warmSkew());
      target(md, "Peal skew p95 <= 5 ms, party-wifi, " + r.phones() + " phones", peal.p95(),
          peal.p95() <= TARGET_SKEW_MS);
      target(md, "warm-up / Peal p95 >= 20, party-wifi, " + r.phones() + " phones",
          warm.p95() / peal.p95(), warm.p95() / peal.p95() >= TARGET_RATIO);
      double ring = Stats.of(abs(r.ringError())).p95();
      target(md, "ring-judging error p95 <= 5 ms, party-wifi, " + r.phones() + " phones", ring,
          ring <= TARGET_SKEW_MS);
    }
    if (drift != null) {
      List<Double> late = new ArrayList<>();
      drift.rawEvents().forEach(e -> {
        JsonObject o = e.getAsJsonObject();
        double t = o.get("target").getAsDouble() - o.get("songAt").getAsDouble();
        if (t >= 240_000) {
          late.add(Math.abs(o.get("fired").getAsDouble() - o.get("target").getAsDouble()));
        }
      });
      double p95 = Stats.of(late).p95();
      target(md, "scheduling error p95 <= 5 ms in the 5th minute, +-200 ppm", p95,
          p95 <= TARGET_SKEW_MS);
    }
    if (browsers != null) {
      double p95 = Stats.of(browsers.skew()).p95();
      target(md, "Peal skew p95 <= 5 ms, " + browsers.pages() + " Chromium pages, wifi", p95,
          p95 <= TARGET_SKEW_MS);
    }
    for (SyncRun.Result r : scales) {
      double f = Stats.of(r.fanoutMs()).p99();
      double j = Stats.of(r.ringToJudgementMs()).p99();
      String size = r.phones() + " phones, seed " + r.seed();
      target(md, "fan-out p99 <= 20 ms, " + size, f, f <= TARGET_LATENCY_MS);
      target(md, "ring to judgement p99 <= 20 ms, " + size, j, j <= TARGET_LATENCY_MS);
      target(md, "heap <= 256 MB (live after GC), " + size, r.heapLiveMb(),
          r.heapLiveMb() <= TARGET_HEAP_MB);
    }
    md.append('\n');
  }

  private static void target(StringBuilder md, String what, double value, boolean met) {
    md.append(String.format(Locale.ROOT, "| %s | %.1f | %s |%n", what, value,
        met ? "yes" : "**no**"));
  }

  static List<Double> abs(List<Double> values) {
    return values.stream().map(Math::abs).toList();
  }

  String rawJson() {
    JsonObject root = new JsonObject();
    var gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
    JsonArray runs = new JsonArray();
    for (SyncRun.Result r : skews) {
      JsonObject run = summary(gson, r);
      run.add("events", r.rawEvents());
      runs.add(run);
    }
    root.add("skew", runs);
    JsonArray scale = new JsonArray();
    scales.forEach(r -> scale.add(summary(gson, r)));
    root.add("scale", scale);
    if (drift != null) {
      root.add("drift", summary(gson, drift));
      root.add("driftEvents", drift.rawEvents());
    }
    if (browsers != null) {
      root.add("browsers", gson.toJsonTree(browsers));
    }
    return gson.toJson(root);
  }

  private static JsonObject summary(com.google.gson.Gson gson, SyncRun.Result r) {
    JsonObject o = new JsonObject();
    o.addProperty("profile", r.profile());
    o.addProperty("phones", r.phones());
    o.addProperty("seed", r.seed());
    o.add("naiveSkew", gson.toJsonTree(r.naiveSkew()));
    o.add("warmSkew", gson.toJsonTree(r.warmSkew()));
    o.add("pealSkew", gson.toJsonTree(r.pealSkew()));
    o.add("ringError", gson.toJsonTree(Stats.of(r.ringError())));
    o.add("fanout", gson.toJsonTree(Stats.of(r.fanoutMs())));
    // In the order the proxy read them, so a slow round shows as a run of high values.
    o.add("consoleFanoutMs", gson.toJsonTree(r.consoleFanoutMs()));
    o.add("ringToJudgement", gson.toJsonTree(Stats.of(r.ringToJudgementMs())));
    o.add("joinMs", gson.toJsonTree(r.joinMs()));
    o.addProperty("missedGoes", r.missedGoes());
    o.addProperty("pealBlocked", r.pealBlocked());
    return o;
  }
}
