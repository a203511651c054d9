package app.peal.net;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.CloseHandshakeType;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.exceptions.IncompleteHandshakeException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ClientHandshakeBuilder;
import org.java_websocket.handshake.HandshakeBuilder;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;

/**
 * Answers plain HTTP requests on the WebSocket port: any request that is not a WebSocket upgrade
 * gets one response (a page file, 404 or 405) and the connection is closed. It sits after
 * {@code Draft_6455} in the server's draft list so real upgrades never reach it.
 */
final class HttpDraft extends Draft {
  private static final byte[] NOT_FOUND = "not found\n".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_ALLOWED =
      "only GET and HEAD are served here\n".getBytes(StandardCharsets.UTF_8);
  private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
  // Hosts echoed into the CSP must be plain names, IPv4 or bracketed IPv6, with a port.
  private static final Pattern SAFE_HOST =
      Pattern.compile("([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

  private final WebAssets assets;
  private String method = "GET";

  HttpDraft(WebAssets assets) {
    this.assets = assets;
  }

  @Override
  public Handshakedata translateHandshake(ByteBuffer buffer) throws InvalidHandshakeException {
    String requestLine = readStringLine(buffer);
    if (requestLine == null) {
      throw new IncompleteHandshakeException(buffer.capacity() + 128);
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new InvalidHandshakeException("not an HTTP/1 request line: " + requestLine);
    }
    method = parts[0];
    HandshakeImpl1Client request = new HandshakeImpl1Client();
    request.setResourceDescriptor(parts[1]);

    String line = readStringLine(buffer);
    while (line != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new InvalidHandshakeException("not an HTTP header: " + line);
      }
      request.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      line = readStringLine(buffer);
    }
    if (line == null) {
      throw new IncompleteHandshakeException(buffer.capacity() + 128);
    }
    return request;
  }

  @Override
  public HandshakeState acceptHandshakeAsServer(ClientHandshake request) {
    boolean upgrade = request.getFieldValue("Upgrade").trim().equalsIgnoreCase("websocket");
    return upgrade ? HandshakeState.NOT_MATCHED : HandshakeState.MATCHED;
  }

  @Override
  public HandshakeBuilder postProcessHandshakeResponseAsServer(
      ClientHandshake request, ServerHandshakeBuilder response) {
    boolean head = method.equals("HEAD");
    if (!head && !method.equals("GET")) {
      respond(response, 405, "Method Not Allowed", PLAIN_TEXT, NOT_ALLOWED, head);
      response.put("Allow", "GET, HEAD");
      return response;
    }

    Optional<WebAssets.Asset> asset = assets.find(request.getResourceDescriptor());
    if (asset.isEmpty()) {
      respond(response, 404, "Not Found", PLAIN_TEXT, NOT_FOUND, head);
      return response;
    }
    respond(response, 200, "OK", asset.get().contentType(), asset.get().body(), head);
    response.put("Content-Security-Policy", contentSecurityPolicy(request.getFieldValue("Host")));
    response.put("Referrer-Policy", "no-referrer");
    return response;
  }

  private static void respond(
      ServerHandshakeBuilder response,
      int status,
      String reason,
      String type,
      byte[] body,
      boolean head) {
    response.setHttpStatus((short) status);
    response.setHttpStatusMessage(reason);
    response.put("Content-Type", type);
    response.put("Content-Length", Integer.toString(body.length));
    response.put("Cache-Control", "no-cache");
    response.put("X-Content-Type-Options", "nosniff");
    response.put("Connection", "close");
    response.setContent(head ? null : body);
  }

  static String contentSecurityPolicy(String host) {
    String socket = "";
    if (host != null && SAFE_HOST.matcher(host.trim()).matches()) {
      // Older Safari does not let 'self' cover ws: and wss:, so name this origin outright.
      socket = " ws://" + host.trim() + " wss://" + host.trim();
    }
    return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; media-src 'self' data: blob:; connect-src 'self'" + socket
        + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  // The base class always writes "101" in the status line, whatever the handshake says.
  @Override
  public List<ByteBuffer> createHandshake(Handshakedata handshake, boolean withContent) {
    ServerHandshake response = (ServerHandshake) handshake;
    StringBuilder head = new StringBuilder(256)
        .append("HTTP/1.1 ")
        .append(response.getHttpStatus())
        .append(' ')
        .append(response.getHttpStatusMessage())
        .append("\r\n");
    Iterator<String> names = response.iterateHttpFields();
    while (names.hasNext()) {
      String name = names.next();
      head.append(name).append(": ").append(response.getFieldValue(name)).append("\r\n");
    }
    head.append("\r\n");

    byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = withContent ? response.getContent() : null;
    ByteBuffer out = ByteBuffer.allocate(headBytes.length + (body == null ? 0 : body.length));
    out.put(headBytes);
    if (body != null) {
      out.put(body);
    }
    out.flip();
    return Collections.singletonList(out);
  }

  @Override
  public HandshakeState acceptHandshakeAsClient(
      ClientHandshake request, ServerHandshake response) {
    return HandshakeState.NOT_MATCHED;
  }

  @Override
  public ClientHandshakeBuilder postProcessHandshakeRequestAsClient(
      ClientHandshakeBuilder request) {
    return request;
  }

  @Override
  public ByteBuffer createBinaryFrame(Framedata frame) {
    throw new UnsupportedOperationException("an HTTP connection carries no WebSocket frames");
  }

  @Override
  public List<Framedata> createFrames(ByteBuffer binary, boolean mask) {
    throw new UnsupportedOperationException("an HTTP connection carries no WebSocket frames");
  }

  @Override
  public List<Framedata> createFrames(String text, boolean mask) {
    throw new UnsupportedOperationException("an HTTP connection carries no WebSocket frames");
  }

  @Override
  public void processFrame(WebSocketImpl socket, Framedata frame) {
    // Nothing arrives as frames: the connection closes right after the response.
  }

  // Bytes after the request (a body, a pipelined request) are ignored; the connection closes.
  @Override
  public List<Framedata> translateFrame(ByteBuffer buffer) {
    buffer.position(buffer.limit());
    return Collections.emptyList();
  }

  @Override
  public void reset() {
    method = "GET";
  }

  @Override
  public CloseHandshakeType getCloseHandshakeType() {
    return CloseHandshakeType.NONE;
  }

  @Override
  public Draft copyInstance() {
    return new HttpDraft(assets);
  }

  @Override
  public String toString() {
    return "HttpDraft";
  }
}
