package app.peal.net;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** A {@link PhoneLink} over one Java-WebSocket connection, with that phone's rate limit. */
final class PhoneSocket implements PhoneLink {
  private final long id;
  private final WebSocket socket;
  private final String remote;
  private final RateLimiter limiter = RateLimiter.forPhone();
  private final AtomicBoolean closedReported = new AtomicBoolean();

  PhoneSocket(long id, WebSocket socket) {
    this.id = id;
    this.socket = socket;
    this.remote = describe(socket.getRemoteSocketAddress());
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public void send(String json) {
    if (!socket.isOpen()) {
      return;
    }
    try {
      socket.send(json);
    } catch (WebsocketNotConnectedException e) {
      // Closed between the check and the send: dropping is what the contract promises.
    }
  }

  @Override
  public void close(int code, String reason) {
    socket.close(code, reason);
  }

  @Override
  public boolean isOpen() {
    return socket.isOpen();
  }

  @Override
  public String remote() {
    return remote;
  }

  @Override
  public String toString() {
    return "phone " + id + " at " + remote;
  }

  /** Decides the fate of one incoming message; see {@link RateLimiter#admit}. */
  RateLimiter.Decision admit(double receivedAtMs) {
    synchronized (limiter) {
      return limiter.admit(receivedAtMs);
    }
  }

  boolean isClosedReported() {
    return closedReported.get();
  }

  /** True exactly once: the first time the link is reported closed. */
  boolean markClosedReported() {
    return closedReported.compareAndSet(false, true);
  }

  private static String describe(InetSocketAddress address) {
    if (address == null) {
      return "unknown";
    }
    String host = address.getAddress() == null
        ? address.getHostString()
        : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
