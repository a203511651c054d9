package app.peal.room;

import app.peal.net.PhoneLink;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A phone's link without a socket: keeps what the console sent it. */
final class FakeLink implements PhoneLink {
  private static final AtomicLong IDS = new AtomicLong(1);

  private final long id = IDS.getAndIncrement();
  private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  final List<JsonObject> sent = new CopyOnWriteArrayList<>();
  volatile boolean open = true;
  volatile int closeCode;

  @Override
  public long id() {
    return id;
  }

  @Override
  public void send(String json) {
    if (!open) {
      return;
    }
    JsonObject message = JsonParser.parseString(json).getAsJsonObject();
    sent.add(message);
    inbox.add(message);
  }

  @Override
  public void close(int code, String reason) {
    open = false;
    closeCode = code;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public String remote() {
    return "fake:" + id;
  }

  /** The next message of {@code type}, skipping others; fails after five seconds. */
  JsonObject await(String type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      JsonObject m = inbox.poll(20, TimeUnit.MILLISECONDS);
      if (m != null && m.get("type").getAsString().equals(type)) {
        return m;
      }
    }
    throw new AssertionError("no '" + type + "' within 5 s; got " + sent);
  }

  /** Waits until the room has handled everything queued so far, then lists messages of a type. */
  List<JsonObject> sentOf(String type) {
    return sent.stream().filter(m -> m.get("type").getAsString().equals(type)).toList();
  }
}
