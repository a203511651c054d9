package app.peal.bench;

/** A simulated network between the phones and the console, listening on loopback. */
interface Proxy extends AutoCloseable {
  /** Where phones connect. */
  int port();

  /** Sees every chunk the console sends, as it leaves the console, before any delay. */
  void tapDown(LinkProxy.Tap tap);

  @Override
  void close();
}
