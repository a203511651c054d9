package app.peal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.game.Phase;
import app.peal.game.ScheduledNote;
import app.peal.game.Score;
import app.peal.music.Song;
import app.peal.music.SongParser;
import app.peal.sync.RoomClock;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room through whole songs: start rules, reconnects, rings made offline, leavers. */
class RoomTest {
  private final RoomClock clock = RoomClock.system();
  private final Room room =
      new Room(PhoneGatewayTest.CODE, clock, List.of(PhoneGatewayTest.song()), ConsoleBells.SILENT);
  private final PhoneGateway gateway = new PhoneGateway(room);

  @AfterEach
  void close() {
    room.close();
  }

  private void say(FakeLink link, String json) {
    gateway.message(link, json, clock.nowMs());
  }

  private JsonObject join(FakeLink link, String name) throws InterruptedException {
    say(link, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"" + name + "\"}");
    return link.await("welcome");
  }

  private void synced(FakeLink link, double uncertainty) {
    say(link, "{\"type\":\"syncstate\",\"offset\":12.5,\"uncertainty\":" + uncertainty
        + ",\"rtt\":3,\"samples\":20}");
  }

  private void ring(FakeLink link, long id, double at, String bell) {
    say(link, "{\"type\":\"ring\",\"id\":" + id + ",\"at\":" + at + ",\"bell\":\"" + bell
        + "\"}");
  }

  private static List<double[]> notes(JsonObject start) {
    double at = start.get("at").getAsDouble();
    List<double[]> list = new ArrayList<>();
    for (JsonElement e : start.getAsJsonArray("notes")) {
      list.add(new double[] {at + e.getAsJsonObject().get("ms").getAsDouble()});
    }
    return list;
  }

  /** Chooses the song, waits until the room may start (sync reports are coalesced), starts. */
  private void startSong() throws InterruptedException {
    room.chooseSong(room.songs().get(0).id());
    for (int i = 0; i < 200 && !room.snapshot().canStart(); i++) {
      Thread.sleep(10);
    }
    room.start();
  }

  private void sleepUntil(double roomMs) throws InterruptedException {
    while (clock.nowMs() < roomMs) {
      Thread.sleep(5);
    }
  }

  private Score finalScore(String name) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (room.snapshot().phase() != Phase.RESULTS && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return room.snapshot().results().players().stream()
        .filter(r -> r.name().equals(name)).findFirst().orElseThrow().score();
  }

  @Test
  void start_phoneNotSynced_refusesNamingIt() throws Exception {
    FakeLink ann = new FakeLink();
    FakeLink ben = new FakeLink();
    join(ann, "Ann");
    join(ben, "Ben");
    room.chooseSong(room.songs().get(0).id());
    synced(ann, 2);
    synced(ben, 40);

    IllegalStateException e = assertThrows(IllegalStateException.class, room::start);

    assertEquals("waiting for Ben to sync", e.getMessage());
  }

  @Test
  void song_ringsMadeWhileOffline_judgedByWhenTheyHappened() throws Exception {
    FakeLink ann = new FakeLink();
    String token = join(ann, "Ann").get("token").getAsString();
    synced(ann, 2);
    startSong();
    JsonObject start = ann.await("start");
    List<double[]> notes = notes(start);
    List<String> bells = new ArrayList<>();
    start.getAsJsonArray("notes").forEach(n -> bells.add(n.getAsJsonObject().get("bell")
        .getAsString()));

    ann.open = false;
    gateway.closed(ann);
    sleepUntil(notes.get(1)[0] + 100);
    FakeLink back = new FakeLink();
    say(back, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"Ann\",\"token\":\"" + token
        + "\"}");
    back.await("welcome");
    ring(back, 0, notes.get(0)[0] + 10, bells.get(0));
    ring(back, 1, notes.get(1)[0] - 90, bells.get(1));
    ring(back, 1, notes.get(1)[0] - 90, bells.get(1));
    for (int i = 2; i < notes.size(); i++) {
      sleepUntil(notes.get(i)[0]);
      ring(back, i, clock.nowMs(), bells.get(i));
    }
    Score score = finalScore("Ann");

    assertEquals(notes.size(), score.notes(), back.sent.toString());
    assertEquals(notes.size() - 1, score.perfect(), score + " " + back.sent);
    assertEquals(1, score.good(), score.toString());
    assertEquals(0, score.miss(), score.toString());
    assertEquals(0, score.stray(), "a ring sent twice counts once: " + score);
  }

  @Test
  void leave_midSong_consoleTakesOverAndTheNextSongDealsAfresh() throws Exception {
    FakeLink ann = new FakeLink();
    FakeLink ben = new FakeLink();
    join(ann, "Ann");
    join(ben, "Ben");
    synced(ann, 2);
    synced(ben, 2);
    startSong();
    int annBells = ann.await("start").getAsJsonArray("bells").size();
    int benBells = ben.await("start").getAsJsonArray("bells").size();

    say(ben, "{\"type\":\"leave\"}");
    Score ann0 = finalScore("Ann");
    room.backToLobby();
    JsonObject dealt = ann.await("bells");

    assertEquals(1, room.snapshot().results().players().size(), "Ben left, so no result");
    assertEquals(annBells, ann0.notes(), "Ben's notes were not put on Ann mid-song");
    assertTrue(dealt.getAsJsonArray("bells").size() > annBells,
        "between songs Ann holds more than her " + annBells + " bells; Ben had " + benBells);
  }

  @Test
  void start_doubledBell_dealsItsNotesInTurnAndCoversAnAwayRinger() throws Exception {
    List<Object[]> scheduled = new ArrayList<>();
    ConsoleBells recording = (notes, ringNow) -> {
      scheduled.add(new Object[] {notes, ringNow});
      return () -> { };
    };
    Song oneBell = SongParser.parse("one.json", """
        {"title": "One Bell", "tempo": 60, "time": "4/4", "melody": ["C5/1 C5 C5 C5 |"]}
        """);
    try (Room doubled = new Room("HYMN", clock, List.of(oneBell), recording)) {
      PhoneGateway door = new PhoneGateway(doubled);
      FakeLink ann = new FakeLink();
      FakeLink ben = new FakeLink();
      for (FakeLink link : List.of(ann, ben)) {
        door.message(link, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"N" + link.id()
            + "\"}", clock.nowMs());
        link.await("welcome");
        door.message(link, "{\"type\":\"syncstate\",\"offset\":1,\"uncertainty\":1,"
            + "\"rtt\":2,\"samples\":20}", clock.nowMs());
      }
      doubled.chooseSong(oneBell.id());
      for (int i = 0; i < 200 && !doubled.snapshot().canStart(); i++) {
        Thread.sleep(10);
      }
      doubled.start();
      List<Integer> annNotes = ids(ann.await("start"));
      List<Integer> benNotes = ids(ben.await("start"));

      ben.open = false;
      door.closed(ben);
      Thread.sleep(100);
      @SuppressWarnings("unchecked")
      List<ScheduledNote> notes = (List<ScheduledNote>) scheduled.get(0)[0];
      @SuppressWarnings("unchecked")
      Predicate<ScheduledNote> consoleRings = (Predicate<ScheduledNote>) scheduled.get(0)[1];
      List<Integer> covered = notes.stream().filter(consoleRings).map(ScheduledNote::id).toList();

      assertEquals(List.of(0, 2), annNotes);
      assertEquals(List.of(1, 3), benNotes);
      assertEquals(benNotes, covered, "the console rings Ben's turns while he is away");
    }
  }

  private static List<Integer> ids(JsonObject start) {
    List<Integer> ids = new ArrayList<>();
    start.getAsJsonArray("notes").forEach(n -> ids.add(n.getAsJsonObject().get("id").getAsInt()));
    return ids;
  }

  @Test
  void sweep_ringDelayedByWifiStall_stillJudgedOnTime() throws Exception {
    FakeLink ann = new FakeLink();
    join(ann, "Ann");
    synced(ann, 2);
    startSong();
    JsonObject start = ann.await("start");
    double first = notes(start).get(0)[0];
    String bell = start.getAsJsonArray("notes").get(0).getAsJsonObject().get("bell").getAsString();

    sleepUntil(first + Room.RING_LAG_MS - 150);
    ring(ann, 0, first + 5, bell);
    JsonObject judged = ann.await("judged");

    assertEquals("perfect", judged.get("verdict").getAsString());
    assertEquals(5, judged.get("offset").getAsDouble(), 1e-6);
  }
}
