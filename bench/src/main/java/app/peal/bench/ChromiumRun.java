package app.peal.bench;

import app.peal.music.Song;
import app.peal.room.Room;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Real phone pages in headless Chromium, joined to a real console through the proxy, started
 * the Peal way. True start instants come from each page's {@code peal:songstart}.
 */
final class ChromiumRun {
  private static final System.Logger LOG = System.getLogger(ChromiumRun.class.getName());
  private static final long OPEN_TIMEOUT_MS = 180_000;
  private static final double ROUND_TAIL_MS = 700;

  record Result(String profile, int pages, List<Double> skew, List<Double> startError,
      List<Double> timerLateness, List<Double> calibrationRtt, double maxUncertainty,
      int blocked) {}

  private ChromiumRun() {}

  static Result run(Profile profile, int count, int rounds, long seed, Song song, Path script,
      Path log, long lobbyMs) throws IOException, InterruptedException {
    SplittableRandom gaps = new SplittableRandom(seed);
    try (BenchConsole console = new BenchConsole(List.of(song));
        LinkProxy proxy = LinkProxy.start(profile, seed, console.port());
        NodeProcess driver = new NodeProcess(script,
            List.of(Long.toString(console.originNanos())), log)) {
      JsonObject open = NodeProcess.command("open");
      open.addProperty("url", "http://127.0.0.1:" + proxy.port());
      open.addProperty("count", count);
      open.addProperty("room", BenchConsole.ROOM_CODE);
      driver.send(open);
      driver.await("opened", OPEN_TIMEOUT_MS);

      Room room = console.room();
      room.chooseSong(song.id());
      SyncRun.awaitSynced(room, 60_000);
      Thread.sleep(lobbyMs);
      int blocked = 0;
      double worst = 0;
      for (int r = 0; r < rounds; r++) {
        Thread.sleep(400 + gaps.nextInt(600));
        if (!SyncRun.awaitSynced(room, 60_000)) {
          blocked++;
          continue;
        }
        worst = Math.max(worst, SyncRun.maxUncertainty(room));
        double previous = SyncRun.lastStart(room);
        room.start();
        double at = SyncRun.awaitStartAt(room, previous);
        SyncRun.sleepUntil(console, at + ROUND_TAIL_MS);
        room.stop();
      }

      driver.send(NodeProcess.command("collect"));
      JsonObject collected = driver.await("collected", 60_000);
      Map<Double, List<Double>> byStart = new HashMap<>();
      List<Double> errors = new ArrayList<>();
      List<Double> lateness = new ArrayList<>();
      List<Double> calibration = new ArrayList<>();
      for (JsonElement pe : collected.getAsJsonArray("pages")) {
        JsonObject page = pe.getAsJsonObject();
        calibration.add(page.getAsJsonObject("calibration").get("rtt").getAsDouble());
        for (JsonElement se : page.getAsJsonArray("starts")) {
          JsonObject s = se.getAsJsonObject();
          double at = s.get("at").getAsDouble();
          double fired = s.get("fired").getAsDouble();
          byStart.computeIfAbsent(at, k -> new ArrayList<>()).add(fired);
          errors.add(fired - at);
          if (s.has("believed") && !s.get("believed").isJsonNull()) {
            lateness.add(s.get("believed").getAsDouble() - at);
          }
        }
      }
      List<Double> skew = new ArrayList<>();
      for (List<Double> fired : byStart.values()) {
        if (fired.size() >= 2) {
          skew.add(Stats.spread(fired));
        }
      }
      LOG.log(System.Logger.Level.INFO, "chromium x{0}: peal skew p95 {1} ms over {2} rounds",
          count, SyncRun.fmt(Stats.of(skew).p95()), skew.size());
      return new Result(profile.name(), count, skew, errors, lateness, calibration, worst,
          blocked);
    }
  }
}
