package app.peal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.Options;
import app.peal.Party;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --autostart over --plain-http: the song starts by itself once enough phones are synced. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AutoStartTest {
  @TempDir
  Path dir;

  @Test
  void autostart_twoPhonesSynced_startsInTheFutureForBoth() throws Exception {
    Options options = Options.parse("--headless", "--plain-http", "--bind", "127.0.0.1",
        "--port", "0", "--room", "HYMN", "--config-dir", dir.toString(),
        "--song", "silent-night", "--autostart", "2");

    try (Party party = Party.open(options)) {
      assertEquals("http", party.links().scheme());
      URI uri = URI.create("ws://127.0.0.1:" + party.port() + "/ws");
      TestPhone ann = new TestPhone(uri, null, 500);
      TestPhone ben = new TestPhone(uri, null, -9000);
      try {
        ann.open();
        ann.join("HYMN", "Ann", null);
        ann.sync(12);
        Thread.sleep(300);
        assertTrue(ann.seen("start").isEmpty(), "one phone of two does not start the song");

        ben.open();
        ben.join("HYMN", "Ben", null);
        ben.sync(12);
        JsonObject annStart = ann.await("start");
        JsonObject benStart = ben.await("start");

        assertEquals(annStart.get("at").getAsDouble(), benStart.get("at").getAsDouble());
        assertTrue(annStart.get("at").getAsDouble() > party.room().clock().nowMs(),
            "the start is an instant still to come");
        assertEquals("Silent Night", annStart.get("title").getAsString());
      } finally {
        ann.close();
        ben.close();
      }
    }
  }
}
