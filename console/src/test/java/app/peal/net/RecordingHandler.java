package app.peal.net;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** A {@link PhoneHandler} for tests that records every call, optionally echoing messages. */
public final class RecordingHandler implements PhoneHandler {
  /** One {@link #message} call. */
  public record Received(PhoneLink link, String text, double receivedAtMs) {}

  public final List<PhoneLink> opened = new CopyOnWriteArrayList<>();
  public final List<Received> messages = new CopyOnWriteArrayList<>();
  public final List<PhoneLink> closed = new CopyOnWriteArrayList<>();
  private final boolean echo;

  public RecordingHandler(boolean echo) {
    this.echo = echo;
  }

  @Override
  public void opened(PhoneLink link) {
    opened.add(link);
  }

  @Override
  public void message(PhoneLink link, String text, double receivedAtMs) {
    messages.add(new Received(link, text, receivedAtMs));
    if (echo) {
      link.send(text);
    }
  }

  @Override
  public void closed(PhoneLink link) {
    closed.add(link);
  }

  /** Messages whose link has this id. */
  public List<Received> messagesFrom(long linkId) {
    return messages.stream().filter(m -> m.link().id() == linkId).toList();
  }

  /** Waits up to {@code timeout} for {@code condition}; returns whether it came true. */
  public static boolean await(BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }
}
