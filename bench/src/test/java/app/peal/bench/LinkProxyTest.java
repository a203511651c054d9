package app.peal.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both proxies: the one with threads per connection and the one-thread one for scale runs. */
class LinkProxyTest {
  interface Starter {
    Proxy start(Profile profile, long seed, int port) throws Exception;
  }

  static Stream<Arguments> proxies() {
    Starter threads = LinkProxy::start;
    Starter oneThread = OneThreadProxy::start;
    return Stream.of(Arguments.of("threads", threads), Arguments.of("one thread", oneThread));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proxies")
  void proxy_eachDirection_delayedByItsOwnFloor(String name, Starter starter) throws Exception {
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

      try (Proxy proxy = starter.start(slowUp, 1, echo.getLocalPort());
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
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proxies")
  void proxy_manyChunksBothWays_arriveWholeAndInOrder(String name, Starter starter)
      throws Exception {
    Profile jittery = Profile.named("party-wifi");
    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try (Socket s = echo.accept()) {
          s.getInputStream().transferTo(s.getOutputStream());
        } catch (Exception e) {
          // The test closes the socket when done.
        }
      });
      server.setDaemon(true);
      server.start();

      byte[] sent = new byte[200_000];
      new java.util.Random(3).nextBytes(sent);
      try (Proxy proxy = starter.start(jittery, 5, echo.getLocalPort());
          Socket phone = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        Thread writer = new Thread(() -> {
          try {
            OutputStream out = phone.getOutputStream();
            for (int at = 0; at < sent.length; at += 1000) {
              out.write(sent, at, Math.min(1000, sent.length - at));
            }
          } catch (Exception e) {
            // Reported by the comparison below.
          }
        });
        writer.start();
        byte[] back = new byte[sent.length];
        new java.io.DataInputStream(phone.getInputStream()).readFully(back);

        assertArrayEquals(sent, back);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proxies")
  void proxy_manyPhonesOpeningAtOnce_eachReachesItsOwnConsoleSide(String name, Starter starter)
      throws Exception {
    int phones = 120;
    try (ServerSocket echo = new ServerSocket(0, phones, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try {
          while (true) {
            Socket s = echo.accept();
            Thread one = new Thread(() -> {
              try (s) {
                s.getInputStream().transferTo(s.getOutputStream());
              } catch (Exception e) {
                // The phone side closes first.
              }
            });
            one.setDaemon(true);
            one.start();
          }
        } catch (Exception e) {
          // The test closes the listener when done.
        }
      });
      server.setDaemon(true);
      server.start();

      Profile lan = Profile.named("lan");
      try (Proxy proxy = starter.start(lan, 9, echo.getLocalPort())) {
        java.util.List<Socket> sockets = new java.util.ArrayList<>();
        try {
          for (int i = 0; i < phones; i++) {
            Socket phone = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
            phone.setSoTimeout(10_000);
            sockets.add(phone);
          }
          for (int i = 0; i < phones; i++) {
            sockets.get(i).getOutputStream().write(new byte[] {(byte) i, (byte) (i >> 8)});
          }

          for (int i = 0; i < phones; i++) {
            byte[] back = new java.io.DataInputStream(sockets.get(i).getInputStream())
                .readNBytes(2);
            assertArrayEquals(new byte[] {(byte) i, (byte) (i >> 8)}, back, "phone " + i);
          }
        } finally {
          for (Socket s : sockets) {
            s.close();
          }
        }
      }
    }
  }
}
