package app.peal.bench;

import app.peal.music.Song;
import app.peal.net.PealServer;
import app.peal.net.PhoneHandler;
import app.peal.net.PhoneLink;
import app.peal.room.ConsoleBells;
import app.peal.room.PhoneGateway;
import app.peal.room.Room;
import app.peal.sync.RoomClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real console (Room, PhoneGateway, PealServer) on 127.0.0.1 with a free port, plain ws. For
 * the two old ways of starting, a thin layer in front of the gateway can broadcast a bare "go"
 * and run a ping round, and keeps the bench's own messages away from the room.
 */
final class BenchConsole implements AutoCloseable {
  static final String ROOM_CODE = "BNCH";
  private static final String PONG_PREFIX = "{\"type\":\"bench-pong\"";
  private static final Pattern PONG_ROUND = Pattern.compile("\"n\":(\\d+)");

  private final long originNanos = System.nanoTime();
  private final RoomClock clock = () -> (System.nanoTime() - originNanos) / 1e6;
  private final Room room;
  private final PealServer server;
  private final Map<Long, PhoneLink> links = new ConcurrentHashMap<>();
  private volatile PingRound ping;

  BenchConsole(List<Song> songs) throws IOException {
    room = new Room(ROOM_CODE, clock, songs, ConsoleBells.SILENT);
    PhoneGateway gateway = new PhoneGateway(room);
    server = new PealServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null,
        clock, new Tap(gateway));
    server.start();
  }

  Room room() {
    return room;
  }

  int port() {
    return server.port();
  }

  /** The room clock's zero as a raw {@link System#nanoTime()}, shared with the phones' rig. */
  long originNanos() {
    return originNanos;
  }

  double nowMs() {
    return clock.nowMs();
  }

  int linkCount() {
    return links.size();
  }

  /** Naive start: one "go" to every phone, as fast as the server can send it. */
  void broadcastGo(int round) {
    String go = "{\"type\":\"bench-go\",\"round\":" + round + ",\"sent\":" + nowMs() + "}";
    for (PhoneLink link : links.values()) {
      link.send(go);
    }
  }

  /**
   * The 2014 way: ping every phone, wait for every pong, then broadcast "go".
   *
   * @return how many phones had not answered when the wait ran out (the go is sent anyway)
   */
  int warmUpThenGo(int round, long timeoutMs) throws InterruptedException {
    PingRound r = new PingRound(round, links.keySet());
    ping = r;
    String msg = "{\"type\":\"bench-ping\",\"n\":" + round + "}";
    for (PhoneLink link : links.values()) {
      link.send(msg);
    }
    r.done.await(timeoutMs, TimeUnit.MILLISECONDS);
    ping = null;
    broadcastGo(round);
    return r.waiting.size();
  }

  @Override
  public void close() {
    server.stop();
    room.close();
  }

  private static final class PingRound {
    final int round;
    final Set<Long> waiting = ConcurrentHashMap.newKeySet();
    final CountDownLatch done = new CountDownLatch(1);

    PingRound(int round, Set<Long> ids) {
      this.round = round;
      waiting.addAll(ids);
      if (waiting.isEmpty()) {
        done.countDown();
      }
    }

    void pong(long link, int n) {
      if (n == round && waiting.remove(link) && waiting.isEmpty()) {
        done.countDown();
      }
    }
  }

  private final class Tap implements PhoneHandler {
    private final PhoneGateway gateway;

    Tap(PhoneGateway gateway) {
      this.gateway = gateway;
    }

    @Override
    public void opened(PhoneLink link) {
      links.put(link.id(), link);
      gateway.opened(link);
    }

    @Override
    public void message(PhoneLink link, String text, double receivedAtMs) {
      if (text.startsWith(PONG_PREFIX)) {
        Matcher m = PONG_ROUND.matcher(text);
        PingRound r = ping;
        if (r != null && m.find()) {
          r.pong(link.id(), Integer.parseInt(m.group(1)));
        }
        return;
      }
      gateway.message(link, text, receivedAtMs);
    }

    @Override
    public void closed(PhoneLink link) {
      links.remove(link.id());
      gateway.closed(link);
    }
  }
}
