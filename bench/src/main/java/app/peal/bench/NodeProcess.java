package app.peal.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Node script of the rig, driven by JSON lines: commands on its stdin, events on its stdout.
 * Its stderr goes to a log file. Closing asks it to quit, then kills it and anything it started.
 */
final class NodeProcess implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NodeProcess.class.getName());
  private static final long QUIT_WAIT_MS = 3000;

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();

  NodeProcess(Path script, List<String> args, Path log) throws IOException {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("rig script " + script + " is missing; run the bench"
          + " from the repository (-Dpeal.root points at it)");
    }
    name = script.getFileName().toString();
    List<String> command = new java.util.ArrayList<>(
        List.of("node", "--experimental-websocket", "--no-warnings", script.toString()));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);

    Thread reader = new Thread(this::readEvents, "rig-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  void send(JsonObject command) throws IOException {
    stdin.write(command.toString());
    stdin.write('\n');
    stdin.flush();
  }

  /** Waits for the next event of the given kind, dropping others. */
  JsonObject await(String ev, long timeoutMs) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      long left = until - System.nanoTime();
      JsonObject e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
      if (e == null) {
        throw new IllegalStateException(name + " sent no '" + ev + "' within " + timeoutMs
            + " ms; see its log under the bench's target folder");
      }
      if (e.has("ev") && e.get("ev").getAsString().equals(ev)) {
        return e;
      }
      if (e.has("ev") && e.get("ev").getAsString().equals("error")) {
        throw new IllegalStateException(name + " failed: " + e.get("message").getAsString());
      }
    }
  }

  /** Like {@link #await} but returns null on timeout. */
  JsonObject poll(String ev, long timeoutMs) throws InterruptedException {
    try {
      return await(ev, timeoutMs);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  static JsonObject command(String cmd) {
    JsonObject c = new JsonObject();
    c.addProperty("cmd", cmd);
    return c;
  }

  private void readEvents() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("{")) {
          events.add(JsonParser.parseString(line).getAsJsonObject());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "reading " + name + " stopped", e);
    }
  }

  @Override
  public void close() {
    try {
      send(command("quit"));
      process.waitFor(QUIT_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (IOException e) {
      // Already gone.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
