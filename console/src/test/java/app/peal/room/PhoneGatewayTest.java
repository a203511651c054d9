package app.peal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.peal.music.Song;
import app.peal.music.SongParser;
import app.peal.sync.RoomClock;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phones' messages through the gateway into a real room; bad ones hurt nobody. */
class PhoneGatewayTest {
  static final String CODE = "HYMN";
  private final RoomClock clock = RoomClock.system();
  private final Room room = new Room(CODE, clock, List.of(song()), ConsoleBells.SILENT);
  private final PhoneGateway gateway = new PhoneGateway(room);

  @AfterEach
  void close() {
    room.close();
  }

  static Song song() {
    return SongParser.parse("short.json", """
        {"title": "Short", "tempo": 240, "time": "4/4", "melody": ["C5/1 D5 E5 F5 | G5/4 |"]}
        """);
  }

  void say(FakeLink link, String json) {
    gateway.message(link, json, clock.nowMs());
  }

  JsonObject join(FakeLink link, String name) throws InterruptedException {
    say(link, "{\"type\":\"join\",\"room\":\"" + CODE + "\",\"name\":\"" + name + "\"}");
    return link.await("welcome");
  }

  /** The player count once the room has published it (snapshots are coalesced). */
  int players(int expected) throws InterruptedException {
    for (int i = 0; i < 100 && room.snapshot().players().size() != expected; i++) {
      Thread.sleep(10);
    }
    return room.snapshot().players().size();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "not json at all             | bad_json      | the message is not valid JSON",
      "[1,2,3]                     | bad_json      | a message must be a JSON object",
      "{\"type\":\"join\"} trailing | bad_json   | the message is not valid JSON",
      "{\"t\":1}                   | unknown_type  | every message needs a \"type\" string",
      "{\"type\":\"dance\"}        | unknown_type  | unknown message type 'dance'; expected"
          + " join, sync, syncstate, ring or leave",
      "{\"type\":\"join\",\"name\":\"Al\"} | missing_field | \"room\" is missing",
      "{\"type\":\"join\",\"room\":7,\"name\":\"Al\"} | bad_field | \"room\" must be a string",
      "{\"type\":\"sync\",\"t0\":\"soon\"} | bad_field | \"t0\" must be a number",
      "{\"type\":\"ring\",\"id\":1.5,\"at\":1} | bad_field"
          + " | ring \"id\" must be a whole number >= 0",
      "{\"type\":\"ring\",\"id\":1,\"at\":1} | not_joined | join the room first",
  })
  void message_bad_answersErrorToThatPhoneOnly(String json, String code, String message)
      throws Exception {
    FakeLink ann = new FakeLink();
    join(ann, "Ann");
    FakeLink bad = new FakeLink();

    say(bad, json);
    JsonObject error = bad.await("error");

    assertEquals(code, error.get("code").getAsString());
    assertEquals(message, error.get("message").getAsString());
    assertTrue(bad.open, "a bad message does not close the connection");
    assertEquals(1, players(1));
    assertTrue(ann.sentOf("error").isEmpty());
  }

  @Test
  void join_wrongRoom_namesTheCodeAndTheWayOut() throws Exception {
    FakeLink link = new FakeLink();

    say(link, "{\"type\":\"join\",\"room\":\"abcd\",\"name\":\"Ann\"}");
    JsonObject error = link.await("error");

    assertEquals("wrong_room", error.get("code").getAsString());
    assertEquals("room 'ABCD' is not this party's; check the code on the big screen",
        error.get("message").getAsString());
  }

  @Test
  void join_hostileName_isCleanedAndMadeUnique() throws Exception {
    FakeLink first = new FakeLink();
    FakeLink second = new FakeLink();

    JsonObject a = join(first, "<b>Bob</b>\\u0007\\u202e");
    JsonObject b = join(second, "<b>Bob</b>");

    assertEquals("<b>Bob</b>", a.get("name").getAsString());
    assertNotEquals(a.get("name").getAsString(), b.get("name").getAsString());
    assertEquals(2, players(2));
  }

  @Test
  void join_nameOfOnlySpaces_isRefused() throws Exception {
    FakeLink link = new FakeLink();

    say(link, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"   \"}");

    assertEquals("bad_name", link.await("error").get("code").getAsString());
    assertTrue(room.snapshot().players().isEmpty());
  }

  @Test
  void sync_answersAtOnceWithReceiptAndSendTimes() throws Exception {
    FakeLink link = new FakeLink();
    double before = clock.nowMs();

    gateway.message(link, "{\"type\":\"sync\",\"t0\":123.25}", before);
    JsonObject reply = link.await("sync");

    assertEquals(123.25, reply.get("t0").getAsDouble());
    assertEquals(before, reply.get("t1").getAsDouble());
    assertTrue(reply.get("t2").getAsDouble() >= before);
  }

  @Test
  void rejoin_withToken_keepsSeatAndBells() throws Exception {
    FakeLink first = new FakeLink();
    JsonObject welcome = join(first, "Ann");
    room.chooseSong(room.songs().get(0).id());
    JsonObject bells = first.await("bells");
    String token = welcome.get("token").getAsString();

    first.open = false;
    gateway.closed(first);
    FakeLink again = new FakeLink();
    say(again, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"Ann\",\"token\":\"" + token
        + "\"}");
    JsonObject back = again.await("welcome");

    assertEquals(welcome.get("player").getAsString(), back.get("player").getAsString());
    assertFalse(bells.getAsJsonArray("bells").isEmpty());
    assertEquals(bells.getAsJsonArray("bells"), back.getAsJsonArray("bells"));
    assertEquals(1, players(1));
    assertTrue(room.snapshot().players().get(0).connected());
  }

  @Test
  void join_twiceOnOneConnection_refusedAndNoGhostPlayer() throws Exception {
    FakeLink link = new FakeLink();
    join(link, "Ann");

    say(link, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"Imposter\"}");
    JsonObject error = link.await("error");

    assertEquals("already_joined", error.get("code").getAsString());
    assertEquals("this phone is in the room already as 'Ann'; send leave first to join as"
        + " someone else", error.get("message").getAsString());
    assertEquals(1, players(1));
  }

  @Test
  void join_unknownToken_saysJoinAgainWithoutIt() throws Exception {
    FakeLink link = new FakeLink();

    say(link, "{\"type\":\"join\",\"room\":\"HYMN\",\"name\":\"Ann\",\"token\":\"feed\"}");
    JsonObject error = link.await("error");

    assertEquals("bad_token", error.get("code").getAsString());
    assertFalse(error.get("message").getAsString().isEmpty());
  }

  @Test
  void ring_noSong_isStrayWithReason() throws Exception {
    FakeLink link = new FakeLink();
    join(link, "Ann");

    say(link, "{\"type\":\"ring\",\"id\":0,\"at\":" + clock.nowMs() + "}");
    JsonObject stray = link.await("stray");

    assertEquals("no song is playing", stray.get("reason").getAsString());
    assertEquals(0, stray.get("ring").getAsLong());
  }

  @Test
  void ring_farFromArrival_isRefusedAsImplausible() throws Exception {
    FakeLink link = new FakeLink();
    join(link, "Ann");
    double now = clock.nowMs();

    gateway.message(link, "{\"type\":\"ring\",\"id\":3,\"at\":" + (now + 5000) + "}", now);
    JsonObject error = link.await("error");

    assertEquals("implausible_time", error.get("code").getAsString());
    assertEquals("ring 3 at " + Math.round(now + 5000) + " ms is 5000 ms from its arrival;"
        + " resync the clock", error.get("message").getAsString());
  }
}
