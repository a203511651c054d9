package app.peal.net;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Test-only TLS helpers: a client context that trusts any certificate and any host name (the
 * console's certificate is self-signed), and clients built on it. Never use outside tests.
 */
public final class TestTls {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private TestTls() {}

  /** A client context that accepts every server certificate without checking host names. */
  public static SSLContext trustAllContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test's trust-all TLS context", e);
    }
  }

  /** An HTTP client that trusts any certificate; it never follows redirects. */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder()
        .sslContext(trustAllContext())
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /**
   * A WebSocket client connected to {@code uri} ({@code ws://} or {@code wss://}, the latter
   * trusting any certificate).
   *
   * @throws IllegalStateException when it cannot connect within five seconds
   */
  public static TestPhone client(URI uri) throws InterruptedException {
    TestPhone phone = new TestPhone(uri);
    if ("wss".equals(uri.getScheme())) {
      phone.setSocketFactory(trustAllContext().getSocketFactory());
    }
    if (!phone.connectBlocking(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      phone.close();
      throw new IllegalStateException("test client could not connect to " + uri);
    }
    return phone;
  }

  /** Trusts everything; the extended kind also skips the host name check. */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
