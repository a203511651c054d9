package app.peal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on the loopback address that plays a {@link Profile}: every connection gets its own
 * seeded delay lines, one per direction, and each chunk of bytes read on one side is written to
 * the other at the instant its line decides. Listens and connects on 127.0.0.1 only.
 *
 * <pre>{@code
 * try (LinkProxy proxy = LinkProxy.start(Profile.named("wifi"), seed, consolePort)) {
 *   connect phones to proxy.port() ...
 * }
 * }</pre>
 */
public final class LinkProxy implements Proxy {
  private static final System.Logger LOG = System.getLogger(LinkProxy.class.getName());
  private static final int CHUNK_BYTES = 16 * 1024;
  /** Parking is coarse; spin-free waits land within this of the target on this machine. */
  private static final long PARK_SLACK_NANOS = 50_000;

  private final Profile profile;
  private final long seed;
  private final int targetPort;
  private final ServerSocket listener;
  private final long originNanos = System.nanoTime();
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  private volatile Tap downTap = (bytes, length) -> {};

  /** Sees every chunk the console sends, as it leaves the console, before any delay. */
  @FunctionalInterface
  public interface Tap {
    void chunk(byte[] bytes, int length);
  }

  private LinkProxy(Profile profile, long seed, int targetPort) throws IOException {
    this.profile = profile;
    this.seed = seed;
    this.targetPort = targetPort;
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
  }

  /** Starts accepting on a free loopback port; traffic goes on to 127.0.0.1:targetPort. */
  public static LinkProxy start(Profile profile, long seed, int targetPort) throws IOException {
    if (targetPort <= 0 || targetPort > 65535) {
      throw new IllegalArgumentException("target port " + targetPort + " is not a TCP port");
    }
    LinkProxy proxy = new LinkProxy(profile, seed, targetPort);
    Thread accept = new Thread(proxy::acceptLoop, "proxy-accept-" + profile.name());
    accept.setDaemon(true);
    accept.start();
    return proxy;
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public void tapDown(Tap tap) {
    downTap = tap;
  }

  public Profile profile() {
    return profile;
  }

  /** How many connections have been accepted so far. */
  public int connectionCount() {
    return connections.get();
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the proxy listener failed", e);
    }
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  private double nowMs() {
    return (System.nanoTime() - originNanos) / 1e6;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket phone;
      try {
        phone = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.log(System.Logger.Level.ERROR, "the proxy stopped accepting", e);
        }
        return;
      }
      try {
        link(phone, connections.getAndIncrement());
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "cannot reach the console on port {0}: {1}",
            Integer.toString(targetPort), e.getMessage());
        closeQuietly(phone);
      }
    }
  }

  private void link(Socket phone, int index) throws IOException {
    Socket console = new Socket(InetAddress.getLoopbackAddress(), targetPort);
    phone.setTcpNoDelay(true);
    console.setTcpNoDelay(true);
    sockets.add(phone);
    sockets.add(console);

    // Seeds depend on the connection's order only, so a rerun replays the same delays.
    DelayLine[] lines = DelayLine.forConnection(profile, seed, index);
    Activity activity = new Activity();
    pipe("up", index, phone, console, lines[0], activity, true);
    pipe("down", index, console, phone, lines[1], activity, false);
  }

  private void pipe(String name, int index, Socket from, Socket to, DelayLine line,
      Activity activity, boolean phoneSends) throws IOException {
    BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    String prefix = "proxy-" + profile.name() + "-" + index + "-" + name;

    Thread reader = new Thread(() -> {
      byte[] buffer = new byte[CHUNK_BYTES];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          double arrival = nowMs();
          if (!phoneSends) {
            downTap.chunk(buffer, n);
          }
          double release;
          synchronized (activity) {
            release = line.releaseAt(arrival, activity.lastMs);
            // The phone is awake when it sends, and when it hears something.
            activity.lastMs = Math.max(activity.lastMs, phoneSends ? arrival : release);
          }
          queue.put(new Chunk(Arrays.copyOf(buffer, n), release));
        }
      } catch (IOException | InterruptedException e) {
        // The socket closed; the writer passes the end on.
      } finally {
        queue.add(Chunk.END);
      }
    }, prefix + "-read");

    Thread writer = new Thread(() -> {
      try {
        while (true) {
          Chunk c = queue.take();
          if (c == Chunk.END) {
            break;
          }
          waitUntil(c.releaseMs);
          out.write(c.bytes);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // The far side closed first.
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, prefix + "-write");

    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private void waitUntil(double ms) {
    long target = originNanos + (long) (ms * 1e6);
    long left;
    while ((left = target - System.nanoTime()) > PARK_SLACK_NANOS) {
      LockSupport.parkNanos(left - PARK_SLACK_NANOS / 2);
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Nothing left to do for a socket that will not close.
    }
  }

  private static final class Activity {
    double lastMs = Double.NEGATIVE_INFINITY;
  }

  private record Chunk(byte[] bytes, double releaseMs) {
    static final Chunk END = new Chunk(new byte[0], 0);
  }
}
