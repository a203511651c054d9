package app.peal.net;

import app.peal.sync.RoomClock;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * The console's one port: it serves the phone page over plain HTTP GET and the phones'
 * WebSocket (any path, {@code /ws} by convention), over TLS when given an {@link SSLContext}.
 * Each text frame is stamped on the room clock, checked against the phone's rate limit and
 * handed to the {@link PhoneHandler}; oversize frames, binary frames and floods are dealt with
 * here without touching other phones.
 *
 * <pre>{@code
 * PealServer server = new PealServer(new InetSocketAddress(8443), tls, clock, room);
 * int port = server.start();
 * ...
 * server.stop();
 * }</pre>
 */
public final class PealServer {
  /** Classpath folder of the phone page, as the phone-web module packs it. */
  public static final String DEFAULT_WEB_ROOT = "app/peal/web/";
  /** Largest frame accepted; larger ones close the connection with 1009. */
  public static final int MAX_FRAME_BYTES = 16 * 1024;

  private static final System.Logger LOG = System.getLogger(PealServer.class.getName());
  private static final long START_TIMEOUT_MS = 10_000;
  private static final int STOP_TIMEOUT_MS = 2_000;
  private static final int CONNECTION_LOST_TIMEOUT_S = 10;
  /**
   * A room's phones reconnect together after a Wi-Fi blip. With the JDK's backlog of 50 the rest
   * of their connection requests are dropped and each phone retries only after a whole second.
   */
  private static final int PENDING_CONNECTIONS = 512;

  private final InetSocketAddress bindAddress;
  private final boolean secure;
  private final RoomClock clock;
  private final PhoneHandler handler;
  private final Endpoint endpoint;
  private final AtomicLong nextId = new AtomicLong(1);
  private final CompletableFuture<Void> started = new CompletableFuture<>();

  /** A server for the phone page found under {@link #DEFAULT_WEB_ROOT}. */
  public PealServer(
      InetSocketAddress bindAddress, SSLContext tls, RoomClock clock, PhoneHandler handler) {
    this(bindAddress, tls, clock, handler, DEFAULT_WEB_ROOT);
  }

  /**
   * @param bindAddress where to listen; port 0 picks a free one
   * @param tls the server's TLS context, or null for plain HTTP and WebSocket
   * @param clock the room clock that stamps every incoming message
   * @param handler the game layer
   * @param webRoot classpath folder holding the phone page, such as {@code "app/peal/web/"}
   * @throws java.io.UncheckedIOException when the page's files cannot be read
   */
  public PealServer(
      InetSocketAddress bindAddress,
      SSLContext tls,
      RoomClock clock,
      PhoneHandler handler,
      String webRoot) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.secure = tls != null;

    WebAssets assets = WebAssets.load(PealServer.class.getClassLoader(), webRoot);
    List<Draft> drafts = List.of(
        new Draft_6455(Collections.emptyList(), MAX_FRAME_BYTES), new HttpDraft(assets));
    endpoint = new Endpoint(bindAddress, drafts);
    endpoint.setReuseAddr(true);
    endpoint.setMaxPendingConnections(PENDING_CONNECTIONS);
    endpoint.setTcpNoDelay(true);
    endpoint.setConnectionLostTimeout(CONNECTION_LOST_TIMEOUT_S);
    if (tls != null) {
      endpoint.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
    }
  }

  /**
   * Binds and starts serving; returns once the port is bound.
   *
   * @return the port actually bound (useful when asked for port 0)
   * @throws PortInUseException when another program holds the port
   * @throws IOException when binding fails otherwise or takes too long
   * @throws IllegalStateException when called twice
   */
  public int start() throws IOException {
    endpoint.start();
    try {
      started.get(START_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      stopQuietly();
      throw startFailure(e.getCause());
    } catch (TimeoutException e) {
      stopQuietly();
      throw new IOException(
          "server on " + bindAddress + " did not start within " + START_TIMEOUT_MS + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopQuietly();
      throw new IOException("interrupted while starting the server on " + bindAddress, e);
    }

    LOG.log(System.Logger.Level.INFO, "listening on {0}://{1}:{2}",
        secure ? "https" : "http", bindAddress.getHostString(), Integer.toString(port()));
    return port();
  }

  /** Closes every connection and the port, waiting up to two seconds for goodbyes. */
  public void stop() {
    stopQuietly();
  }

  /** The bound port; the requested one before {@link #start()}. */
  public int port() {
    return endpoint.getPort();
  }

  public boolean isSecure() {
    return secure;
  }

  /** Phones currently connected over the WebSocket. */
  public int phoneCount() {
    int count = 0;
    for (WebSocket socket : endpoint.getConnections()) {
      if (socket.getAttachment() instanceof PhoneSocket) {
        count++;
      }
    }
    return count;
  }

  private void stopQuietly() {
    try {
      endpoint.stop(STOP_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private IOException startFailure(Throwable cause) {
    int port = bindAddress.getPort();
    String text = String.valueOf(cause.getMessage());
    if (cause instanceof BindException && text.contains("in use")) {
      return new PortInUseException(port, cause);
    }
    return new IOException("cannot listen on " + bindAddress.getHostString() + ":" + port
        + " (" + text + "); start with --port to choose another", cause);
  }

  private void onText(WebSocket socket, String text) {
    double receivedAtMs = clock.nowMs();

    PhoneSocket link = socket.getAttachment();
    if (link == null || link.isClosedReported()) {
      return;
    }
    if (admitted(link, receivedAtMs)) {
      deliver(link, text, receivedAtMs);
    }
  }

  private void onBinary(WebSocket socket) {
    double receivedAtMs = clock.nowMs();

    PhoneSocket link = socket.getAttachment();
    if (link == null || !admitted(link, receivedAtMs)) {
      return;
    }
    link.send(error("bad_json", "binary frames are not accepted; send JSON text frames"));
  }

  private boolean admitted(PhoneSocket link, double receivedAtMs) {
    switch (link.admit(receivedAtMs)) {
      case ACCEPT:
        return true;
      case DROP_AND_WARN:
        link.send(error("rate_limited",
            "too many messages; at most 40 per second, the last one was dropped"));
        return false;
      case DISCONNECT:
        LOG.log(System.Logger.Level.WARNING, "closing {0}: it kept flooding for 5 s", link);
        link.close(CloseFrame.POLICY_VALIDATION, "too many messages for 5 s");
        return false;
      default:
        return false;
    }
  }

  private void deliver(PhoneSocket link, String text, double receivedAtMs) {
    try {
      handler.message(link, text, receivedAtMs);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "the game failed on a message from " + link, e);
    }
  }

  static String error(String code, String message) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "error");
    json.addProperty("code", code);
    json.addProperty("message", message);
    return json.toString();
  }

  /** The Java-WebSocket server underneath; its callbacks run on its worker threads. */
  private final class Endpoint extends WebSocketServer {
    Endpoint(InetSocketAddress address, List<Draft> drafts) {
      super(address, drafts);
    }

    @Override
    public void onStart() {
      started.complete(null);
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      if (socket.getDraft() instanceof HttpDraft) {
        // The page has been written; a plain HTTP connection ends with its one response.
        socket.close();
        return;
      }

      PhoneSocket link = new PhoneSocket(nextId.getAndIncrement(), socket);
      socket.setAttachment(link);
      try {
        handler.opened(link);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "the game failed on the opening of " + link, e);
      }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      onText(socket, text);
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer bytes) {
      onBinary(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      PhoneSocket link = socket.getAttachment();
      if (link == null || !link.markClosedReported()) {
        return;
      }
      try {
        handler.closed(link);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "the game failed on the closing of " + link, e);
      }
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
      if (socket == null && !started.isDone()) {
        started.completeExceptionally(e);
      } else if (socket == null) {
        LOG.log(System.Logger.Level.ERROR, "the server on " + bindAddress + " failed", e);
      } else {
        LOG.log(System.Logger.Level.WARNING, "connection error with {0}: {1}",
            socket.getRemoteSocketAddress(), e.getMessage());
      }
    }
  }
}
