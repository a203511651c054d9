package app.peal.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated phones of one configuration, spread over several Node processes. Real phones
 * each have a CPU of their own; hundreds of them on one Node event loop would take every
 * broadcast frame in turn, and the last phone's wait would be the rig's, not the console's.
 * Each process holds at most {@code perProcess} phones, with indexes and seeds of its own.
 */
final class SimPhones implements AutoCloseable {
  private final List<NodeProcess> processes = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();

  private SimPhones() {}

  /**
   * Starts enough processes for {@code phones} phones, at most {@code perProcess} each, writing
   * their logs beside {@code log} ({@code sim-x.log}, {@code sim-x-1.log}, ...).
   */
  static SimPhones start(Path script, long originNanos, int phones, int perProcess, Path log)
      throws IOException {
    SimPhones sims = new SimPhones();
    sims.counts.addAll(shares(phones, perProcess));
    try {
      for (int k = 0; k < sims.counts.size(); k++) {
        sims.processes.add(new NodeProcess(script, List.of(Long.toString(originNanos)),
            logOf(log, k)));
      }
    } catch (IOException | RuntimeException e) {
      sims.close();
      throw e;
    }
    return sims;
  }

  /**
   * How many phones each process holds: as few processes as the cap allows, with even shares so
   * that no process is the slow one because it holds more phones.
   */
  static List<Integer> shares(int phones, int perProcess) {
    if (phones < 1 || perProcess < 1) {
      throw new IllegalArgumentException("need at least one phone and one phone a process, got "
          + phones + " phones at " + perProcess + " a process; give --phones-per-process 1 or"
          + " more");
    }

    int processCount = (phones + perProcess - 1) / perProcess;
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < processCount; k++) {
      out.add(phones / processCount + (k < phones % processCount ? 1 : 0));
    }
    return out;
  }

  /** The log of process {@code k}: the given name for the first, numbered for the rest. */
  static Path logOf(Path log, int k) {
    return k == 0 ? log : sibling(log, k);
  }

  /** The same command to every process, and the answer of each. */
  List<JsonObject> ask(JsonObject command, String answer, long timeoutMs)
      throws IOException, InterruptedException {
    for (NodeProcess p : processes) {
      p.send(command);
    }
    List<JsonObject> answers = new ArrayList<>();
    for (NodeProcess p : processes) {
      answers.add(p.await(answer, timeoutMs));
    }
    return answers;
  }

  /**
   * Opens every phone at once and waits for all to be welcomed.
   *
   * @return one {@code joined} event: how many were welcomed, and each one's join time
   */
  JsonObject spawn(String url, long seed, String room, long timeoutMs)
      throws IOException, InterruptedException {
    int first = 0;
    for (int k = 0; k < processes.size(); k++) {
      JsonObject spawn = NodeProcess.command("spawn");
      spawn.addProperty("url", url);
      spawn.addProperty("count", counts.get(k));
      spawn.addProperty("first", first);
      // Process 0 keeps the configuration's seed, so a one-process run replays as before.
      spawn.addProperty("seed", k == 0 ? seed : seed * 1_000_033L + k);
      spawn.addProperty("room", room);
      processes.get(k).send(spawn);
      first += counts.get(k);
    }

    int welcomed = 0;
    JsonArray joinMs = new JsonArray();
    for (NodeProcess p : processes) {
      JsonObject joined = p.await("joined", timeoutMs);
      welcomed += joined.get("count").getAsInt();
      joinMs.addAll(joined.getAsJsonArray("joinMs"));
    }
    JsonObject all = new JsonObject();
    all.addProperty("count", welcomed);
    all.add("joinMs", joinMs);
    return all;
  }

  /** True when every process reported that all its phones heard the round's "go" in time. */
  boolean awaitGo(long timeoutMs) throws InterruptedException {
    long until = System.nanoTime() + timeoutMs * 1_000_000;
    boolean all = true;
    for (NodeProcess p : processes) {
      long left = Math.max(1, (until - System.nanoTime()) / 1_000_000);
      all &= p.poll("go", left) != null;
    }
    return all;
  }

  /** Every phone's report, from all processes, as one {@code collected} event. */
  JsonObject collect(long timeoutMs) throws IOException, InterruptedException {
    JsonArray phones = new JsonArray();
    for (JsonObject c : ask(NodeProcess.command("collect"), "collected", timeoutMs)) {
      for (JsonElement phone : c.getAsJsonArray("phones")) {
        phones.add(phone);
      }
    }
    JsonObject all = new JsonObject();
    all.add("phones", phones);
    return all;
  }

  @Override
  public void close() {
    for (NodeProcess p : processes) {
      p.close();
    }
  }

  private static Path sibling(Path log, int k) {
    String name = log.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numbered = dot < 0 ? name + "-" + k : name.substring(0, dot) + "-" + k
        + name.substring(dot);
    return log.resolveSibling(numbered);
  }
}
