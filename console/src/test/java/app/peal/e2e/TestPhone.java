package app.peal.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A scripted phone for end-to-end tests: a real WebSocket client over TLS with a clock of its own
 * that is deliberately seconds away from the console's, syncing the way the protocol describes.
 */
final class TestPhone extends WebSocketClient {
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final List<JsonObject> seen = new CopyOnWriteArrayList<>();
  private final long origin = System.nanoTime();
  private final double clockSkewMs;
  private double offsetMs = Double.NaN;
  private double bestRtt = Double.POSITIVE_INFINITY;
  private long nextRing;

  TestPhone(URI uri, SSLContext tls, double clockSkewMs) {
    super(uri);
    this.clockSkewMs = clockSkewMs;
    if (tls != null) {
      setSocketFactory(tls.getSocketFactory());
    }
  }

  /** This phone's own clock, in ms, far from the console's. */
  double localNow() {
    return (System.nanoTime() - origin) / 1e6 + clockSkewMs;
  }

  double toConsole(double local) {
    return local + offsetMs;
  }

  double toLocal(double console) {
    return console - offsetMs;
  }

  void open() throws InterruptedException {
    if (!connectBlocking(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("phone could not connect to " + getURI());
    }
  }

  void sendJson(String json) {
    send(json);
  }

  JsonObject join(String room, String name, String token) throws InterruptedException {
    JsonObject o = new JsonObject();
    o.addProperty("type", "join");
    o.addProperty("room", room);
    o.addProperty("name", name);
    if (token != null) {
      o.addProperty("token", token);
    }
    send(o.toString());
    return await("welcome", "error");
  }

  /** Takes {@code rounds} clock samples one after another and keeps the tightest. */
  void sync(int rounds) throws InterruptedException {
    for (int i = 0; i < rounds; i++) {
      double t0 = localNow();
      send("{\"type\":\"sync\",\"t0\":" + t0 + "}");
      JsonObject reply = await("sync");
      double t3 = localNow();
      double t1 = reply.get("t1").getAsDouble();
      double t2 = reply.get("t2").getAsDouble();
      double rtt = (t3 - t0) - (t2 - t1);
      if (rtt < bestRtt) {
        bestRtt = rtt;
        offsetMs = ((t1 - t0) + (t2 - t3)) / 2;
      }
    }
    JsonObject state = new JsonObject();
    state.addProperty("type", "syncstate");
    state.addProperty("offset", offsetMs);
    state.addProperty("uncertainty", Math.max(0.1, bestRtt / 2));
    state.addProperty("rtt", bestRtt);
    state.addProperty("samples", rounds);
    send(state.toString());
  }

  /** Sends a ring claiming it happened at {@code consoleAt}; returns its id. */
  long ring(double consoleAt, String bell) {
    long id = nextRing++;
    JsonObject o = new JsonObject();
    o.addProperty("type", "ring");
    o.addProperty("id", id);
    o.addProperty("at", consoleAt);
    if (bell != null) {
      o.addProperty("bell", bell);
    }
    o.addProperty("source", "tap");
    send(o.toString());
    return id;
  }

  /** The next message of one of {@code types}, skipping others (which stay in {@link #seen}). */
  JsonObject await(String... types) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      JsonObject m = inbox.poll(100, TimeUnit.MILLISECONDS);
      if (m == null) {
        continue;
      }
      String type = m.get("type").getAsString();
      for (String t : types) {
        if (t.equals(type)) {
          return m;
        }
      }
    }
    throw new AssertionError("no " + String.join("/", types) + " message within 15 s; saw "
        + seen.stream().map(m -> m.get("type").getAsString()).toList());
  }

  List<JsonObject> seen(String type) {
    List<JsonObject> out = new ArrayList<>();
    for (JsonObject m : seen) {
      if (m.get("type").getAsString().equals(type)) {
        out.add(m);
      }
    }
    return out;
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    JsonObject m = JsonParser.parseString(message).getAsJsonObject();
    seen.add(m);
    inbox.add(m);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {}

  @Override
  public void onError(Exception ex) {}
}
