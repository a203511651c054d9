package app.peal.net;

/** One phone's open connection, as the game layer sees it. Thread-safe. */
public interface PhoneLink {
  /** Unique for the life of the server; never reused. */
  long id();

  /** Sends one JSON text message; silently dropped when the link is already closed. */
  void send(String json);

  void close(int code, String reason);

  boolean isOpen();

  /** "address:port" of the phone, for logs. */
  String remote();
}
