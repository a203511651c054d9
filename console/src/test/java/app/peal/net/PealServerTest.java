package app.peal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.sync.RoomClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PealServerTest {
  private static final String WEB_ROOT = "app/peal/net/testweb/";
  private static final Duration WAIT = Duration.ofSeconds(5);

  @TempDir static Path configDir;
  private static SSLContext serverTls;

  private final RecordingHandler handler = new RecordingHandler(/* echo= */ true);
  private PealServer server;

  @BeforeAll
  static void makeCertificate() throws Exception {
    serverTls = new CertificateStore(configDir)
        .identityFor(List.of(InetAddress.getLoopbackAddress()))
        .sslContext();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void get_rootOverTls_servesIndexHtmlWithSecurityHeaders() throws Exception {
    int port = startTls(RoomClock.system());

    HttpResponse<String> response = get("https://127.0.0.1:" + port + "/");

    assertEquals(200, response.statusCode());
    assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
    assertEquals("nosniff", header(response, "X-Content-Type-Options"));
    assertEquals("no-cache", header(response, "Cache-Control"));
    assertTrue(header(response, "Content-Security-Policy")
        .contains("connect-src 'self' ws://127.0.0.1:" + port + " wss://127.0.0.1:" + port));
    assertTrue(response.body().contains("<title>Peal test page</title>"), response.body());
    assertTrue(handler.opened.isEmpty(), "a page request must not reach the game");
  }

  @Test
  void get_pageFilesWithQueries_servesThemWithTheirTypes() throws Exception {
    int port = startTls(RoomClock.system());
    String base = "https://127.0.0.1:" + port;

    HttpResponse<String> script = get(base + "/app.js?v=3");
    HttpResponse<String> style = get(base + "/style.css");
    HttpResponse<String> icon = get(base + "/icons/bell.svg#x");
    HttpResponse<String> index = get(base + "/?room=ABCD");

    assertEquals(200, script.statusCode());
    assertEquals("text/javascript; charset=utf-8", header(script, "Content-Type"));
    assertEquals("export const ready = true;\n", script.body());
    assertEquals("text/css; charset=utf-8", header(style, "Content-Type"));
    assertEquals("image/svg+xml", header(icon, "Content-Type"));
    assertEquals(200, index.statusCode());
  }

  @Test
  void get_pathsOutsideThePage_returns404() throws Exception {
    int port = startTls(RoomClock.system());
    String base = "https://127.0.0.1:" + port;

    for (String path : List.of("/../pom.xml", "/nope.js", "/notes.txt", "/ws",
        "/app/peal/net/testweb/index.html", "/%2e%2e/pom.xml", "/index.html/..", "//app.js")) {
      HttpResponse<String> response = get(base + path);

      assertEquals(404, response.statusCode(), path);
      assertEquals("text/plain; charset=utf-8", header(response, "Content-Type"), path);
      assertEquals("not found\n", response.body(), path);
    }
  }

  @Test
  void head_index_answersHeadersWithoutBody() throws Exception {
    int port = startTls(RoomClock.system());
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody())
        .timeout(WAIT)
        .build();

    HttpResponse<String> response =
        TestTls.httpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals("text/html; charset=utf-8", header(response, "Content-Type"));
    assertTrue(Integer.parseInt(header(response, "Content-Length")) > 100);
    assertEquals("", response.body());
  }

  @Test
  void post_anything_returns405() throws Exception {
    int port = startTls(RoomClock.system());
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
        .POST(HttpRequest.BodyPublishers.ofString("x"))
        .timeout(WAIT)
        .build();

    HttpResponse<String> response =
        TestTls.httpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(405, response.statusCode());
    assertEquals("GET, HEAD", header(response, "Allow"));
  }

  @Test
  void get_plainHttpWithH2cUpgrade_servesIndex() throws Exception {
    server = new PealServer(loopback(0), null, RoomClock.system(), handler, WEB_ROOT);
    int port = server.start();
    // The JDK client asks plain-HTTP servers to upgrade to h2c; the page must still come back.
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .version(HttpClient.Version.HTTP_2)
        .timeout(WAIT)
        .build();

    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("Peal test page"));
  }

  @Test
  void webSocket_withPageRequestOnSamePort_bothWork() throws Exception {
    int port = startTls(() -> 1234.5);
    TestPhone phone = TestTls.client(URI.create("wss://127.0.0.1:" + port + "/ws"));

    CompletableFuture<HttpResponse<String>> page = TestTls.httpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/")).timeout(WAIT)
            .build(),
        HttpResponse.BodyHandlers.ofString());
    phone.send("{\"type\":\"sync\",\"t0\":1}");
    String echoed = phone.nextMessage(WAIT);

    assertEquals("{\"type\":\"sync\",\"t0\":1}", echoed);
    assertEquals(200, page.get().statusCode());
    assertEquals(1, handler.opened.size());
    assertEquals(1234.5, handler.messages.get(0).receivedAtMs());
    assertTrue(handler.opened.get(0).remote().startsWith("127.0.0.1:"));
    phone.closeBlocking();
  }

  @Test
  void webSocket_anyPathAndPlainWs_connects() throws Exception {
    server = new PealServer(loopback(0), null, RoomClock.system(), handler, WEB_ROOT);
    int port = server.start();

    TestPhone phone = TestTls.client(URI.create("ws://127.0.0.1:" + port + "/some/where?x=1"));
    phone.send("hello");

    assertEquals("hello", phone.nextMessage(WAIT));
    assertEquals(1, server.phoneCount());
    phone.closeBlocking();
  }

  @Test
  void close_byPhone_reportsClosedOnceWithSameLink() throws Exception {
    int port = startTls(RoomClock.system());
    TestPhone phone = TestTls.client(URI.create("wss://127.0.0.1:" + port + "/ws"));

    phone.closeBlocking();

    assertTrue(RecordingHandler.await(() -> handler.closed.size() == 1, WAIT));
    assertEquals(handler.opened.get(0), handler.closed.get(0));
    Thread.sleep(100);
    assertEquals(1, handler.closed.size());
    assertFalse(handler.closed.get(0).isOpen());
    handler.closed.get(0).send("{\"type\":\"stop\"}");
  }

  @Test
  void oversizeFrame_closesOnlyThatPhoneWith1009() throws Exception {
    int port = startTls(RoomClock.system());
    URI uri = URI.create("wss://127.0.0.1:" + port + "/ws");
    TestPhone big = TestTls.client(uri);
    TestPhone other = TestTls.client(uri);

    big.send("x".repeat(100 * 1024));
    int code = big.awaitCloseCode(WAIT);
    other.send("still here");

    // The server answers 1009 and hangs up; a client still writing the rest of its frame over
    // TLS can see the reset first and report 1006 instead.
    assertTrue(code == 1009 || code == 1006, "closed with " + code);
    assertTrue(RecordingHandler.await(() -> handler.closed.size() == 1, WAIT));
    assertEquals(1, server.phoneCount());
    assertEquals("still here", other.nextMessage(WAIT));
    assertTrue(handler.messages.stream().noneMatch(m -> m.text().length() > 1000));
    other.closeBlocking();
  }

  @Test
  void binaryFrame_isRefusedWithErrorAndNotPassedOn() throws Exception {
    int port = startTls(RoomClock.system());
    TestPhone phone = TestTls.client(URI.create("wss://127.0.0.1:" + port + "/ws"));

    phone.send(new byte[] {1, 2, 3});
    String reply = phone.nextMessage(WAIT);

    assertEquals("{\"type\":\"error\",\"code\":\"bad_json\","
        + "\"message\":\"binary frames are not accepted; send JSON text frames\"}", reply);
    assertTrue(handler.messages.isEmpty());
    assertTrue(phone.isOpen());
    phone.closeBlocking();
  }

  @Test
  void flood_getsRateLimitedWhileAnotherPhoneGetsThrough() throws Exception {
    int port = startTls(RoomClock.system());
    URI uri = URI.create("wss://127.0.0.1:" + port + "/ws");
    TestPhone flooder = TestTls.client(uri);
    // The client's handshake can finish before the server has run its open callback.
    assertTrue(RecordingHandler.await(() -> handler.opened.size() == 1, WAIT));
    TestPhone calm = TestTls.client(uri);
    assertTrue(RecordingHandler.await(() -> handler.opened.size() == 2, WAIT));
    long flooderId = handler.opened.get(0).id();
    long calmId = handler.opened.get(1).id();

    for (int i = 0; i < 500; i++) {
      flooder.send("{\"type\":\"ring\",\"id\":" + i + "}");
    }
    for (int i = 0; i < 30; i++) {
      calm.send("{\"type\":\"sync\",\"t0\":" + i + "}");
      Thread.sleep(30);
    }

    assertTrue(RecordingHandler.await(() -> handler.messagesFrom(calmId).size() == 30, WAIT));
    assertTrue(RecordingHandler.await(
        () -> flooder.received().stream().anyMatch(m -> m.contains("\"rate_limited\"")), WAIT));
    int fromFlooder = handler.messagesFrom(flooderId).size();
    assertTrue(fromFlooder >= 80 && fromFlooder < 200, "flooder got " + fromFlooder + " through");
    assertTrue(flooder.isOpen());
    flooder.closeBlocking();
    calm.closeBlocking();
  }

  @Test
  void flood_lastingFiveSeconds_closesThatPhoneWith1008() throws Exception {
    AtomicLong nowMs = new AtomicLong();
    int port = startTls(nowMs::get);
    TestPhone flooder = TestTls.client(URI.create("wss://127.0.0.1:" + port + "/ws"));

    // The room clock steps 250 ms at a time: 10 tokens of refill against 30 messages a step.
    for (long t = 0; t <= 6_000 && flooder.isOpen(); t += 250) {
      nowMs.set(t);
      try {
        for (int i = 0; i < 30; i++) {
          flooder.send("{}");
        }
      } catch (WebsocketNotConnectedException e) {
        break;
      }
      Thread.sleep(20);
    }
    int code = flooder.awaitCloseCode(WAIT);

    assertEquals(1008, code);
    long warnings = flooder.received().stream().filter(m -> m.contains("rate_limited")).count();
    assertTrue(warnings >= 1 && warnings <= 7, warnings + " warnings");
  }

  @Test
  void start_onBusyPort_throwsPortInUseWithAdvice() throws Exception {
    try (ServerSocket squatter = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int busy = squatter.getLocalPort();
      server = new PealServer(loopback(busy), serverTls, RoomClock.system(), handler, WEB_ROOT);

      PortInUseException thrown = assertThrows(PortInUseException.class, server::start);

      assertEquals("port " + busy + " is in use; start with --port to choose another",
          thrown.getMessage());
      assertEquals(busy, thrown.port());
    }
  }

  private int startTls(RoomClock clock) throws Exception {
    server = new PealServer(loopback(0), serverTls, clock, handler, WEB_ROOT);
    int port = server.start();
    assertTrue(port > 0);
    return port;
  }

  private static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  private static HttpResponse<String> get(String url) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).build();
    return TestTls.httpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("<missing " + name + ">");
  }
}
