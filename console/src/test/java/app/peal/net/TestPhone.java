package app.peal.net;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/** A test WebSocket client that queues what it receives and remembers how it was closed. */
public final class TestPhone extends WebSocketClient {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

  public TestPhone(URI uri) {
    super(uri);
  }

  /** The next text message, waiting up to {@code timeout}. */
  public String nextMessage(Duration timeout) throws InterruptedException, TimeoutException {
    String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new TimeoutException("no message within " + timeout);
    }
    return message;
  }

  /** Messages received so far and not yet taken. */
  public BlockingQueue<String> received() {
    return received;
  }

  /** The close code once closed, waiting up to {@code timeout}. */
  public int awaitCloseCode(Duration timeout) throws Exception {
    return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {}

  @Override
  public void onMessage(String message) {
    received.add(message);
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    received.add("<binary " + bytes.remaining() + " bytes>");
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    closeCode.complete(code);
  }

  @Override
  public void onError(Exception e) {
    // The close code tells the tests what happened; errors are followed by onClose.
  }
}
