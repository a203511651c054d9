package app.peal.bench;

import app.peal.game.Performance;
import app.peal.music.Song;
import app.peal.room.Room;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One configuration of the benchmark: a fresh console, a proxy playing one profile, and N
 * simulated phones, put through rounds of the three ways of starting. Each round runs naive,
 * warm-up and Peal one after the other, so all three meet the same network and machine load.
 */
final class SyncRun {
  private static final System.Logger LOG = System.getLogger(SyncRun.class.getName());
  private static final long JOIN_TIMEOUT_MS = 90_000;
  private static final long SYNC_TIMEOUT_MS = 60_000;
  private static final long GO_TIMEOUT_MS = 2_500;
  private static final long PING_TIMEOUT_MS = 3_000;
  /** After the song's beat 0, the rings of a round are done well within this. */
  private static final double ROUND_TAIL_MS = 1_500;

  record Options(Profile profile, int phones, int rounds, long seed, Song song, Path script,
      Path log, JsonObject plan, double drainMs, long lobbyMs, boolean oneThreadProxy,
      int phonesPerProcess, int warmUpRounds) {}

  /** What one configuration measured; skews are per round, errors per phone event. */
  record Result(
      String profile,
      int phones,
      long seed,
      List<Double> naiveSkew,
      List<Double> warmSkew,
      List<Double> pealSkew,
      List<Double> pealStartError,
      List<Double> ringError,
      List<Double> judgedError,
      List<Double> eventSchedError,
      List<Double> fanoutMs,
      List<Double> consoleFanoutMs,
      List<Double> ringToJudgementMs,
      List<Double> joinMs,
      List<Double> timerLateness,
      List<Double> errorOverUncertainty,
      int missedGoes,
      int pealBlocked,
      double heapLiveMb,
      double heapPeakMb,
      double consoleCpuPercent,
      double rigCpuPercent,
      double maxUncertaintyAtStart,
      JsonArray rawEvents) {}

  private SyncRun() {}

  static Result run(Options o) throws IOException, InterruptedException {
    // What the bench already holds (earlier configurations' results) is not this console's.
    double baselineMb = resetHeapPeaks();
    long wallStart = System.nanoTime();
    SplittableRandom gaps = new SplittableRandom(o.seed() ^ 0x5DEECE66DL);

    try (BenchConsole console = new BenchConsole(List.of(o.song()));
        Proxy proxy = o.oneThreadProxy()
            ? OneThreadProxy.start(o.profile(), o.seed(), console.port())
            : LinkProxy.start(o.profile(), o.seed(), console.port());
        SimPhones sims = SimPhones.start(o.script(), console.originNanos(), o.phones(),
            o.phonesPerProcess(), o.log())) {
      checkSharedClock(console, sims);
      List<Double> consoleFanout = java.util.Collections.synchronizedList(new ArrayList<>());
      proxy.tapDown((bytes, length) -> consoleFanout.addAll(goSentAt(console, bytes, length)));
      if (o.plan() != null) {
        JsonObject plan = NodeProcess.command("plan");
        plan.add("plan", o.plan());
        sims.ask(plan, "plan", 5_000);
      }

      JsonObject joined = sims.spawn("ws://127.0.0.1:" + proxy.port() + "/ws", o.seed(),
          BenchConsole.ROOM_CODE, JOIN_TIMEOUT_MS);
      if (joined.get("count").getAsInt() != o.phones()) {
        throw new IllegalStateException("only " + joined.get("count") + " of " + o.phones()
            + " phones joined through " + o.profile().name() + "; see " + o.log());
      }
      Room room = console.room();
      room.chooseSong(o.song().id());
      awaitSynced(room, SYNC_TIMEOUT_MS);
      // Guests chat and the host picks a song before anyone rings: phones sync meanwhile.
      Thread.sleep(o.lobbyMs());

      // The first rounds run code the JIT has not compiled yet, on both sides; what they
      // measure is the warm-up, so they are played and then forgotten.
      playRounds(o, console, sims, -o.warmUpRounds(), 0, gaps);
      sims.collect(30_000);
      consoleFanout.clear();
      Tally tally = playRounds(o, console, sims, 0, o.rounds(), gaps);
      // Measured with every phone still connected, before the phones' reports are read in.
      double[] heap = heapMb(baselineMb);

      JsonObject collected = sims.collect(30_000);
      double wallMs = (System.nanoTime() - wallStart) / 1e6;
      double[] cpu = cpuPercent(wallMs);
      Result result = analyse(o, collected, joined, tally.missed, tally.blocked,
          tally.worstUncertainty, cpu, heap, List.copyOf(consoleFanout));
      LOG.log(System.Logger.Level.INFO, "{0} x{1}: peal skew p95 {2} ms, warm-up {3} ms",
          o.profile().name(), o.phones(), fmt(Stats.of(result.pealSkew()).p95()),
          fmt(Stats.of(result.warmSkew()).p95()));
      return result;
    }
  }

  /** What the rounds' own bookkeeping saw, beside what the phones report. */
  private static final class Tally {
    int missed;
    int blocked;
    double worstUncertainty;
  }

  /** Rounds {@code from} (inclusive) to {@code to}: naive, warm-up and Peal, in that order. */
  private static Tally playRounds(Options o, BenchConsole console, SimPhones sims, int from,
      int to, SplittableRandom gaps) throws InterruptedException {
    Room room = console.room();
    Tally tally = new Tally();
    for (int r = from; r < to; r++) {
      Thread.sleep(300 + gaps.nextInt(500));
      console.broadcastGo(2 * r);
      tally.missed += sims.awaitGo(GO_TIMEOUT_MS) ? 0 : 1;

      Thread.sleep(300 + gaps.nextInt(500));
      console.warmUpThenGo(2 * r + 1, PING_TIMEOUT_MS);
      tally.missed += sims.awaitGo(GO_TIMEOUT_MS) ? 0 : 1;

      Thread.sleep(300 + gaps.nextInt(500));
      if (!awaitSynced(room, SYNC_TIMEOUT_MS)) {
        tally.blocked++;
        continue;
      }
      tally.worstUncertainty = Math.max(tally.worstUncertainty, maxUncertainty(room));
      double previous = lastStart(room);
      room.start();
      double at = awaitStartAt(room, previous);
      sleepUntil(console, at + Math.max(ROUND_TAIL_MS, o.drainMs()));
      room.stop();
      LOG.log(System.Logger.Level.DEBUG, "round {0} done", r);
    }
    return tally;
  }

  private static Result analyse(Options o, JsonObject collected, JsonObject joined, int missed,
      int blocked, double worstUncertainty, double[] cpu, double[] heap,
      List<Double> consoleFanout) {
    Map<Integer, List<Double>> goes = new HashMap<>();
    Map<Double, List<Double>> starts = new HashMap<>();
    List<Double> fanout = new ArrayList<>();
    List<Double> startError = new ArrayList<>();
    List<Double> lateness = new ArrayList<>();
    List<Double> coverage = new ArrayList<>();
    List<Double> ringError = new ArrayList<>();
    List<Double> judgedError = new ArrayList<>();
    List<Double> eventError = new ArrayList<>();
    List<Double> ringToJudgement = new ArrayList<>();
    JsonArray raw = new JsonArray();

    for (JsonElement pe : collected.getAsJsonArray("phones")) {
      JsonObject phone = pe.getAsJsonObject();
      for (Map.Entry<String, JsonElement> g : phone.getAsJsonObject("goes").entrySet()) {
        JsonObject go = g.getValue().getAsJsonObject();
        double at = go.get("at").getAsDouble();
        goes.computeIfAbsent(Integer.parseInt(g.getKey()), k -> new ArrayList<>()).add(at);
        if (Integer.parseInt(g.getKey()) % 2 == 0) {
          fanout.add(at - go.get("sent").getAsDouble());
        }
      }
      for (JsonElement se : phone.getAsJsonArray("starts")) {
        JsonObject s = se.getAsJsonObject();
        double at = s.get("at").getAsDouble();
        double fired = s.get("fired").getAsDouble();
        starts.computeIfAbsent(at, k -> new ArrayList<>()).add(fired);
        startError.add(fired - at);
        if (has(s, "believed")) {
          lateness.add(s.get("believed").getAsDouble() - at);
        }
      }
      for (JsonElement ee : phone.getAsJsonArray("events")) {
        JsonObject e = ee.getAsJsonObject();
        double fired = e.get("fired").getAsDouble();
        double error = e.get("stamp").getAsDouble() - fired;
        ringError.add(error);
        if (has(e, "uncertainty")) {
          coverage.add(Math.abs(error) / e.get("uncertainty").getAsDouble());
        }
        eventError.add(fired - e.get("target").getAsDouble());
        if (e.has("answeredAt") && !e.get("answeredAt").isJsonNull()) {
          ringToJudgement.add(e.get("answeredAt").getAsDouble() - fired);
        }
        if (has(e, "judgedOffset") && has(e, "noteAt")) {
          double trueOffset = fired - e.get("noteAt").getAsDouble();
          judgedError.add(e.get("judgedOffset").getAsDouble() - trueOffset);
        }
        JsonObject copy = e.deepCopy();
        copy.addProperty("phone", phone.get("index").getAsInt());
        copy.addProperty("drift", phone.get("drift").getAsDouble());
        raw.add(copy);
      }
    }

    List<Double> naive = new ArrayList<>();
    List<Double> warm = new ArrayList<>();
    for (Map.Entry<Integer, List<Double>> g : goes.entrySet()) {
      if (g.getValue().size() < 2) {
        continue;
      }
      (g.getKey() % 2 == 0 ? naive : warm).add(Stats.spread(g.getValue()));
    }
    List<Double> peal = new ArrayList<>();
    for (List<Double> fired : starts.values()) {
      if (fired.size() >= 2) {
        peal.add(Stats.spread(fired));
      }
    }
    List<Double> join = new ArrayList<>();
    joined.getAsJsonArray("joinMs").forEach(j -> join.add(j.getAsDouble()));

    return new Result(o.profile().name(), o.phones(), o.seed(), naive, warm, peal, startError,
        ringError, judgedError, eventError, fanout, consoleFanout, ringToJudgement, join, lateness,
        coverage, missed, blocked, heap[0], heap[1], cpu[0], cpu[1], worstUncertainty, raw);
  }

  private static final java.util.regex.Pattern NAIVE_GO = java.util.regex.Pattern.compile(
      "\\{\"type\":\"bench-go\",\"round\":(\\d+),\"sent\":([0-9.E-]+)\\}");

  /**
   * The console's own share of a naive broadcast: from the send to the frame leaving the
   * console's socket, before the simulated network or the phones' event loop add theirs.
   */
  private static List<Double> goSentAt(BenchConsole console, byte[] bytes, int length) {
    double now = console.nowMs();
    String text = new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    List<Double> out = new ArrayList<>();
    java.util.regex.Matcher m = NAIVE_GO.matcher(text);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) % 2 == 0) {
        out.add(now - Double.parseDouble(m.group(2)));
      }
    }
    return out;
  }

  private static boolean has(JsonObject o, String field) {
    return o.has(field) && !o.get(field).isJsonNull();
  }

  /** Node's hrtime and Java's nanoTime must be one clock, or no figure here means anything. */
  private static void checkSharedClock(BenchConsole console, SimPhones sims)
      throws IOException, InterruptedException {
    JsonObject hello = NodeProcess.command("hello");
    double sent = console.nowMs();
    hello.addProperty("consoleMs", sent);
    List<JsonObject> answers = sims.ask(hello, "hello", 10_000);
    double back = console.nowMs();
    for (JsonObject answer : answers) {
      double there = answer.get("consoleMs").getAsDouble();
      if (there < sent || there > back) {
        throw new IllegalStateException("node's hrtime reads " + there + " ms while the"
            + " console read " + sent + ".." + back + " ms: the two do not share"
            + " CLOCK_MONOTONIC here");
      }
    }
  }

  static boolean awaitSynced(Room room, long timeoutMs) throws InterruptedException {
    long until = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < until) {
      if (room.snapshot().canStart()) {
        return true;
      }
      Thread.sleep(50);
    }
    LOG.log(System.Logger.Level.WARNING, "the room still cannot start: {0}",
        room.snapshot().startBlockedReason());
    return false;
  }

  static double maxUncertainty(Room room) {
    return room.snapshot().players().stream()
        .mapToDouble(p -> p.uncertaintyMs()).max().orElse(Double.NaN);
  }

  static double lastStart(Room room) {
    Performance p = room.snapshot().performance();
    return p == null ? Double.NEGATIVE_INFINITY : p.startAt();
  }

  static double awaitStartAt(Room room, double previous) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      Performance p = room.snapshot().performance();
      if (p != null && p.startAt() > previous) {
        return p.startAt();
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the room started but published no performance in 2 s");
  }

  static void sleepUntil(BenchConsole console, double ms) throws InterruptedException {
    double left;
    while ((left = ms - console.nowMs()) > 0) {
      Thread.sleep(Math.max(1, (long) Math.min(left, 500)));
    }
  }

  /** Resets the heap pools' peaks after a collection; returns the live heap then, in MB. */
  private static double resetHeapPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
  }

  /**
   * Live heap after a collection, and the peak of the heap pools since the reset, both less the
   * baseline: what the console, its connections and the proxy added.
   */
  private static double[] heapMb(double baselineMb) {
    double peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    double live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new double[] {live / 1e6 - baselineMb, peak / 1e6 - baselineMb};
  }

  /**
   * CPU of the console's threads (server, room) and of the rig's proxy threads, each as a
   * percentage of one core over the configuration's wall time.
   */
  private static double[] cpuPercent(double wallMs) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long console = 0;
    long rig = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long ns = threads.getThreadCpuTime(info.getThreadId());
      if (ns < 0) {
        continue;
      }
      String name = info.getThreadName();
      if (name.startsWith("proxy-") || name.startsWith("rig-")) {
        rig += ns;
      } else if (name.startsWith("WebSocket") || name.startsWith("peal-room")
          || name.startsWith("connectionLostChecker")) {
        console += ns;
      }
    }
    return new double[] {console / 1e4 / wallMs, rig / 1e4 / wallMs};
  }

  static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }
}
