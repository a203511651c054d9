package app.peal.net;

/**
 * What the transport calls for each phone connection. Called on the server's worker threads;
 * calls for one link arrive in order.
 */
public interface PhoneHandler {
  void opened(PhoneLink link);

  /**
   * A text frame that passed the transport's size and rate limits.
   *
   * @param receivedAtMs room-clock time taken as the frame reached the server, before parsing
   */
  void message(PhoneLink link, String text, double receivedAtMs);

  void closed(PhoneLink link);
}
