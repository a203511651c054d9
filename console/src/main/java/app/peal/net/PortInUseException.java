package app.peal.net;

import java.io.IOException;

/** The console's port is taken by another program (or another console). */
public final class PortInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int port;

  public PortInUseException(int port, Throwable cause) {
    super("port " + port + " is in use; start with --port to choose another", cause);
    this.port = port;
  }

  public int port() {
    return port;
  }
}
