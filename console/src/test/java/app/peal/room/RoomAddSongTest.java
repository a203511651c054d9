package app.peal.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.peal.music.Song;
import app.peal.music.SongParser;
import app.peal.sync.RoomClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The host adding an imported song to the room's list. */
class RoomAddSongTest {
  private final Room room = new Room(PhoneGatewayTest.CODE, RoomClock.system(),
      List.of(PhoneGatewayTest.song()), ConsoleBells.SILENT);

  @AfterEach
  void close() {
    room.close();
  }

  private static Song imported(String id) {
    return SongParser.parse(id, """
        {"title": "Imported", "tempo": 100, "time": "3/4", "melody": "G4/1 A4 B4 |"}
        """);
  }

  @Test
  void addSong_newSong_canBeChosen() throws InterruptedException {
    room.addSong(imported("from-midi"));

    room.chooseSong("from-midi");

    assertEquals(List.of("short.json", "from-midi"), room.songs().stream().map(Song::id).toList());
    // Snapshots are published a moment after the change, to coalesce bursts.
    for (int i = 0; i < 200 && room.snapshot().song() == null; i++) {
      Thread.sleep(10);
    }
    assertEquals("Imported", room.snapshot().song().title());
  }

  @Test
  void addSong_sameIdTwice_isRefused() {
    room.addSong(imported("twice"));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> room.addSong(imported("twice")));

    assertEquals("a song with id 'twice' is already listed; give the new one another name",
        error.getMessage());
  }
}
