package app.peal.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The same network as {@link LinkProxy}, the same seeded delay lines, played by one thread with a
 * selector instead of two threads a connection. With hundreds of phones on two cores, 500 proxy
 * threads waking at once crowd out the console they are measuring; this one does not. The scale
 * runs use it. Listens and connects on 127.0.0.1 only.
 */
final class OneThreadProxy implements Proxy {
  private static final System.Logger LOG = System.getLogger(OneThreadProxy.class.getName());
  private static final int CHUNK_BYTES = 16 * 1024;
  /** The selector's timeout is in whole ms; the last stretch to a release is parked instead. */
  private static final long PARK_BELOW_NANOS = 1_000_000;

  private final Profile profile;
  private final long seed;
  private final int targetPort;
  private final long originNanos = System.nanoTime();
  private final Selector selector;
  private final ServerSocketChannel listener;
  private final PriorityQueue<Due> due = new PriorityQueue<>();
  private final List<SocketChannel> channels = new ArrayList<>();
  private final Thread thread;
  private final ByteBuffer readBuffer = ByteBuffer.allocate(CHUNK_BYTES);
  private volatile LinkProxy.Tap downTap = (bytes, length) -> {};
  private volatile boolean closed;
  private volatile int connections;
  private long order;

  /** One direction of one connection: bytes read from {@code from} wait here for {@code to}. */
  private final class Direction {
    final SocketChannel from;
    final SocketChannel to;
    final DelayLine line;
    final double[] activity;
    final boolean phoneSends;
    final ArrayDeque<ByteBuffer> ready = new ArrayDeque<>();
    Direction other;
    double lastDueMs = Double.NEGATIVE_INFINITY;
    boolean ended;

    Direction(SocketChannel from, SocketChannel to, DelayLine line, double[] activity,
        boolean phoneSends) {
      this.from = from;
      this.to = to;
      this.line = line;
      this.activity = activity;
      this.phoneSends = phoneSends;
    }
  }

  private record Due(double atMs, long order, Direction direction, ByteBuffer bytes)
      implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int byTime = Double.compare(atMs, o.atMs);
      return byTime != 0 ? byTime : Long.compare(order, o.order);
    }
  }

  private OneThreadProxy(Profile profile, long seed, int targetPort) throws IOException {
    this.profile = profile;
    this.seed = seed;
    this.targetPort = targetPort;
    this.selector = Selector.open();
    this.listener = ServerSocketChannel.open();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    listener.configureBlocking(false);
    listener.register(selector, SelectionKey.OP_ACCEPT);
    this.thread = new Thread(this::loop, "proxy-one-" + profile.name());
    thread.setDaemon(true);
  }

  static OneThreadProxy start(Profile profile, long seed, int targetPort) throws IOException {
    if (targetPort <= 0 || targetPort > 65535) {
      throw new IllegalArgumentException("target port " + targetPort + " is not a TCP port");
    }
    OneThreadProxy proxy = new OneThreadProxy(profile, seed, targetPort);
    proxy.thread.start();
    return proxy;
  }

  @Override
  public int port() {
    return listener.socket().getLocalPort();
  }

  /** How many connections have been accepted so far. */
  public int connectionCount() {
    return connections;
  }

  @Override
  public void tapDown(LinkProxy.Tap tap) {
    downTap = tap;
  }

  @Override
  public void close() {
    closed = true;
    selector.wakeup();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private double nowMs() {
    return (System.nanoTime() - originNanos) / 1e6;
  }

  private void loop() {
    try {
      while (!closed) {
        waitForWork();
        for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
          SelectionKey key = it.next();
          it.remove();
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else if (key.isConnectable()) {
            connected((Pending) key.attachment(), key);
          } else {
            if (key.isReadable()) {
              read((Direction) key.attachment(), key);
            }
            // A channel's key carries the direction it reads for; it writes for the other one.
            if (key.isValid() && key.isWritable()) {
              flush(((Direction) key.attachment()).other);
            }
          }
        }
        release();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.ERROR, "the one-thread proxy stopped", e);
    } finally {
      for (SocketChannel c : channels) {
        closeQuietly(c);
      }
      closeQuietly(listener);
      closeQuietly(selector);
    }
  }

  /** Sleeps in the selector until I/O or the next release, parking the last stretch. */
  private void waitForWork() throws IOException {
    Due next = due.peek();
    if (next == null) {
      selector.select();
      return;
    }
    long leftNanos = (long) ((next.atMs - nowMs()) * 1e6);
    if (leftNanos > PARK_BELOW_NANOS) {
      selector.select(Math.max(1, (leftNanos - PARK_BELOW_NANOS) / 1_000_000));
    } else {
      if (leftNanos > 50_000) {
        LockSupport.parkNanos(leftNanos - 25_000);
      }
      selector.selectNow();
    }
  }

  /** A phone accepted while its console side is still connecting. */
  private record Pending(SocketChannel phone, SocketChannel console) {}

  /**
   * Accepts phones and starts each one's console side connecting without waiting: hundreds of
   * phones opening at once would otherwise queue behind one blocking connect each.
   */
  private void accept() throws IOException {
    SocketChannel phone;
    while ((phone = listener.accept()) != null) {
      connect(phone);
    }
  }

  private void connect(SocketChannel phone) throws IOException {
    SocketChannel console = SocketChannel.open();
    try {
      console.configureBlocking(false);
      InetSocketAddress target =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
      if (console.connect(target)) {
        wire(phone, console);
      } else {
        console.register(selector, SelectionKey.OP_CONNECT, new Pending(phone, console));
      }
    } catch (IOException e) {
      refuse(phone, console, e);
    }
  }

  private void connected(Pending p, SelectionKey key) throws IOException {
    try {
      if (!p.console().finishConnect()) {
        return;
      }
    } catch (IOException e) {
      key.cancel();
      refuse(p.phone(), p.console(), e);
      return;
    }
    key.interestOps(0);
    wire(p.phone(), p.console());
  }

  private void refuse(SocketChannel phone, SocketChannel console, IOException why) {
    LOG.log(System.Logger.Level.WARNING, "cannot reach the console on port {0}: {1}",
        Integer.toString(targetPort), why.getMessage());
    closeQuietly(phone);
    closeQuietly(console);
  }

  private void wire(SocketChannel phone, SocketChannel console) throws IOException {
    for (SocketChannel c : List.of(phone, console)) {
      c.setOption(StandardSocketOptions.TCP_NODELAY, true);
      c.configureBlocking(false);
      channels.add(c);
    }
    DelayLine[] lines = DelayLine.forConnection(profile, seed, connections++);
    double[] activity = {Double.NEGATIVE_INFINITY};
    Direction up = new Direction(phone, console, lines[0], activity, true);
    Direction down = new Direction(console, phone, lines[1], activity, false);
    up.other = down;
    down.other = up;
    phone.register(selector, SelectionKey.OP_READ, up);
    console.register(selector, SelectionKey.OP_READ, down);
  }

  private void read(Direction d, SelectionKey key) throws IOException {
    readBuffer.clear();
    int n;
    try {
      n = d.from.read(readBuffer);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
      due.add(new Due(d.lastDueMs, order++, d, null));
      return;
    }
    if (n == 0) {
      return;
    }
    double arrival = nowMs();
    byte[] bytes = new byte[n];
    readBuffer.flip();
    readBuffer.get(bytes);
    if (!d.phoneSends) {
      downTap.chunk(bytes, n);
    }
    double release = d.line.releaseAt(arrival, d.activity[0]);
    // The phone is awake when it sends, and when it hears something.
    d.activity[0] = Math.max(d.activity[0], d.phoneSends ? arrival : release);
    d.lastDueMs = release;
    due.add(new Due(release, order++, d, ByteBuffer.wrap(bytes)));
  }

  /** Hands every chunk whose instant has come to its direction, in order. */
  private void release() {
    double now = nowMs();
    while (!due.isEmpty() && due.peek().atMs <= now) {
      Due d = due.poll();
      if (d.bytes == null) {
        d.direction.ended = true;
      } else {
        d.direction.ready.add(d.bytes);
      }
      flush(d.direction);
    }
  }

  private void flush(Direction d) {
    try {
      while (!d.ready.isEmpty()) {
        ByteBuffer head = d.ready.peek();
        d.to.write(head);
        if (head.hasRemaining()) {
          break;
        }
        d.ready.poll();
      }
    } catch (IOException e) {
      d.ended = true;
      d.ready.clear();
    }
    if (d.ready.isEmpty() && d.ended) {
      closeQuietly(d.from);
      closeQuietly(d.to);
      return;
    }
    SelectionKey toKey = d.to.keyFor(selector);
    if (toKey != null && toKey.isValid()) {
      int ops = toKey.interestOps();
      toKey.interestOps(d.ready.isEmpty() ? ops & ~SelectionKey.OP_WRITE
          : ops | SelectionKey.OP_WRITE);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      // Nothing left to do for a channel that will not close.
    }
  }
}
