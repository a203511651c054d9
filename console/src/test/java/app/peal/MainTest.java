package app.peal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a host meets it: help, mistakes, a busy port, the headless prompt. */
class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path dir;

  private int run(String input, String... args) {
    return Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_help_printsUsage() {
    int code = run("", "--help");

    assertEquals(Main.OK, code);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--headless"));
  }

  @Test
  void run_unknownOption_saysHowToListThem() {
    int code = run("", "--loud");

    assertEquals(Main.USAGE, code);
    assertEquals("peal: unknown option '--loud'; run with --help to see the options\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_portInUse_namesThePortAndTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      int code = run("", "--headless", "--bind", "127.0.0.1", "--port", String.valueOf(port),
          "--config-dir", dir.toString());

      assertEquals(Main.FAILED, code);
      assertEquals("peal: port " + port + " is in use; start with --port to choose another\n",
          err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void run_unknownSong_listsTheSongs() {
    int code = run("", "--headless", "--bind", "127.0.0.1", "--port", "0", "--song", "nope",
        "--config-dir", dir.toString());

    assertEquals(Main.FAILED, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
        "peal: no song 'nope'; the songs are: "), err.toString(StandardCharsets.UTF_8));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("jingle-bells"));
  }

  @Test
  void run_headless_printsJoinLinkAndObeysCommands() {
    int code = run("song silent-night\nstatus\nquit\n", "--headless", "--bind", "127.0.0.1",
        "--port", "0", "--room", "HYMN", "--config-dir", dir.toString());

    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(Main.OK, code);
    assertTrue(text.contains("Room code: HYMN"), text);
    assertTrue(text.matches("(?s).*join: https://127\\.0\\.0\\.1:\\d+/\\?room=HYMN\n.*"), text);
    assertTrue(text.contains("chosen: Silent Night"), text);
    assertTrue(text.contains("room HYMN, lobby, song: Silent Night, players: 0"), text);
  }
}
