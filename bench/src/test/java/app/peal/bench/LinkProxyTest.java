package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LinkProxyTest {
  @Test
  void proxy_eachDirection_delayedByItsOwnFloor() throws Exception {
    Profile slowUp = new Profile("test", Profile.Direction.steady(40, 0),
        Profile.Direction.steady(10, 0));
    AtomicLong arrivedAt = new AtomicLong();

    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try (Socket s = echo.accept()) {
          InputStream in = s.getInputStream();
          OutputStream out = s.getOutputStream();
          int b;
          while ((b = in.read()) >= 0) {
            arrivedAt.set(System.nanoTime());
            out.write(b);
            out.flush();
          }
        } catch (Exception e) {
          // The test closes the socket when done.
        }
      });
      server.setDaemon(true);
      server.start();

      try (LinkProxy proxy = LinkProxy.start(slowUp, 1, echo.getLocalPort());
          Socket phone = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        phone.setTcpNoDelay(true);
        double fastestUp = Double.POSITIVE_INFINITY;
        double fastestDown = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 5; i++) {
          long sent = System.nanoTime();
          phone.getOutputStream().write(i);
          phone.getOutputStream().flush();
          int back = phone.getInputStream().read();
          long received = System.nanoTime();

          double up = (arrivedAt.get() - sent) / 1e6;
          double down = (received - arrivedAt.get()) / 1e6;
          assertEquals(i, back);
          assertTrue(up >= 40, "up took " + up + " ms");
          assertTrue(down >= 10, "down took " + down + " ms");
          fastestUp = Math.min(fastestUp, up);
          fastestDown = Math.min(fastestDown, down);
        }
        // A busy machine may add to any one trip, but not to every one.
        assertTrue(fastestUp < 55, "up took at least " + fastestUp + " ms");
        assertTrue(fastestDown < 25, "down took at least " + fastestDown + " ms");
        assertEquals(1, proxy.connectionCount());
      }
    }
  }
}
