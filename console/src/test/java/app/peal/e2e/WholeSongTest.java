package app.peal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.Options;
import app.peal.Party;
import app.peal.game.Phase;
import app.peal.game.Results;
import app.peal.net.TestTls;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole party on loopback: a console opened from the command line, three phones over TLS with
 * clocks seconds away from the console's, a short song played in real time and judged, while a
 * fourth phone misbehaves in every way it can and harms nobody.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WholeSongTest {
  private static final String SONG = """
      {"title": "Test Peal", "tempo": 240, "time": "4/4",
       "melody": ["C5/1 D5 E5 F5 | G5 F5 E5 D5 | C5/2 E5/2 | C5/4 |"]}
      """;

  @TempDir
  Path dir;

  @Test
  void wholeSong_onTimeLateAndSilentPhones_judgedByWhenTheyRang() throws Exception {
    Path songs = Files.createDirectories(dir.resolve("songs"));
    Files.writeString(songs.resolve("test-peal.json"), SONG);
    Options options = Options.parse("--bind", "127.0.0.1", "--port", "0", "--room", "HYMN",
        "--config-dir", dir.resolve("config").toString(), "--songs", songs.toString(),
        "--song", "test-peal");

    try (Party party = Party.open(options)) {
      URI uri = URI.create("wss://127.0.0.1:" + party.port() + "/ws");
      SSLContext tls = TestTls.trustAllContext();
      TestPhone ann = new TestPhone(uri, tls, 3_000);
      TestPhone ben = new TestPhone(uri, tls, -7_250.5);
      TestPhone cy = new TestPhone(uri, tls, 123_456);
      List<TestPhone> phones = List.of(ann, ben, cy);
      List<String> names = List.of("Ann", "Ben", "Cy");
      Map<String, String> ids = new ConcurrentHashMap<>();
      for (int i = 0; i < phones.size(); i++) {
        phones.get(i).open();
        JsonObject welcome = phones.get(i).join("hymn", names.get(i), null);
        assertEquals("welcome", welcome.get("type").getAsString(), welcome.toString());
        ids.put(names.get(i), welcome.get("player").getAsString());
      }
      for (TestPhone phone : phones) {
        phone.sync(20);
      }
      waitUntil(() -> Ready.withSynced(party.room().snapshot(), 3), "every phone synced");

      party.room().start();
      ExecutorService players = Executors.newFixedThreadPool(4);
      try {
        Future<List<JsonObject>> annPlays = players.submit(() -> play(ann, 0));
        Future<List<JsonObject>> benPlays = players.submit(() -> play(ben, 110));
        Future<JsonObject> cyWaits = players.submit(() -> cy.await("start"));
        Future<Integer> hostile = players.submit(() -> misbehave(uri, tls));
        List<JsonObject> annRings = annPlays.get(30, TimeUnit.SECONDS);
        List<JsonObject> benRings = benPlays.get(30, TimeUnit.SECONDS);
        int cyNotes = cyWaits.get(30, TimeUnit.SECONDS).getAsJsonArray("notes").size();

        assertTrue(hostile.get(30, TimeUnit.SECONDS) > 0, "the hostile phone was answered");
        JsonObject annEnd = ann.await("end");
        JsonObject benEnd = ben.await("end");
        JsonObject cyEnd = cy.await("end");

        assertTrue(annRings.size() > 0 && benRings.size() > 0 && cyNotes > 0,
            "every phone holds notes: " + annRings.size() + ", " + benRings.size() + ", "
                + cyNotes);
        assertEquals(annRings.size(), annEnd.get("perfect").getAsInt(), annEnd.toString());
        assertEquals(1.0, annEnd.get("accuracy").getAsDouble());
        for (JsonObject judged : verdicts(ann)) {
          double offset = judged.get("offset").getAsDouble();
          assertTrue(Math.abs(offset) < 15, "Ann rang on time, judged " + offset + " ms off");
        }
        assertEquals(benRings.size(), benEnd.get("good").getAsInt(), benEnd.toString());
        for (JsonObject judged : verdicts(ben)) {
          double offset = judged.get("offset").getAsDouble();
          assertTrue(Math.abs(offset - 110) < 15, "Ben rang 110 ms late, judged " + offset);
        }
        assertEquals(cyNotes, cyEnd.get("miss").getAsInt(), cyEnd.toString());
        assertEquals(0.0, cyEnd.get("accuracy").getAsDouble());

        waitUntil(() -> party.room().snapshot().phase() == Phase.RESULTS, "the results screen");
        Results results = party.room().snapshot().results();
        assertEquals("Test Peal", results.songTitle());
        assertEquals(List.of("Ann", "Ben", "Cy"),
            results.players().stream().map(Results.PlayerResult::name).toList());
        int total = annRings.size() + benRings.size() + cyNotes;
        assertEquals(total, results.choir().notes());
        assertEquals((annRings.size() + benRings.size()) / (double) total,
            results.choir().accuracy(), 1e-9);
      } finally {
        players.shutdownNow();
        phones.forEach(TestPhone::close);
      }
    }
  }

  /**
   * A phone that does everything wrong while the song plays: garbage, wrong rooms, hostile
   * names, rings from nowhere, a flood, and a frame too big. Returns how many errors it got.
   */
  private static int misbehave(URI uri, SSLContext tls) throws Exception {
    TestPhone troll = new TestPhone(uri, tls, 0);
    troll.open();
    try {
      troll.sendJson("{not json");
      troll.sendJson("{\"type\":\"join\",\"room\":\"ZZZZ\",\"name\":\"Troll\"}");
      troll.sendJson("{\"type\":\"ring\",\"id\":1,\"at\":1}");
      troll.sendJson("{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"\\u202e\\u0000\"}");
      for (int i = 0; i < 300; i++) {
        troll.sendJson("{\"type\":\"sync\",\"t0\":" + i + "}");
      }
      int errors = troll.seen("error").size();
      for (int i = 0; i < 50 && errors < 4; i++) {
        Thread.sleep(20);
        errors = troll.seen("error").size();
      }
      troll.sendJson("{\"type\":\"sync\",\"pad\":\"" + "x".repeat(64 * 1024) + "\"}");
      return errors;
    } finally {
      troll.close();
    }
  }

  /** Rings each of the phone's notes {@code lateMs} after its instant, in real time. */
  private static List<JsonObject> play(TestPhone phone, double lateMs) throws Exception {
    JsonObject start = phone.await("start");
    double startAt = start.get("at").getAsDouble();
    List<JsonObject> rung = new ArrayList<>();
    for (JsonElement e : start.getAsJsonArray("notes")) {
      JsonObject note = e.getAsJsonObject();
      double due = phone.toLocal(startAt + note.get("ms").getAsDouble() + lateMs);
      sleepUntil(phone, due);
      // Stamped with the instant it was rung, as the page does; sending may lag on a busy machine.
      phone.ring(phone.toConsole(due), note.get("bell").getAsString());
      rung.add(note);
    }
    return rung;
  }

  private static List<JsonObject> verdicts(TestPhone phone) {
    return phone.seen("judged").stream().filter(j -> j.has("offset")).toList();
  }

  private static void sleepUntil(TestPhone phone, double localMs) throws InterruptedException {
    double wait;
    while ((wait = localMs - phone.localNow()) > 0) {
      Thread.sleep(Math.max(0, (long) wait - 1), 0);
      if (wait < 2) {
        Thread.onSpinWait();
      }
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
