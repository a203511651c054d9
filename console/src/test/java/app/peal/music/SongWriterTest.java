package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SongWriterTest {
  @Test
  void toJson_song_writesTheNotesListFormat() {
    Song song = new Song("q", "Say \"hi\"", "Anon", 90, 3, 4, 1, List.of(
        new SongNote(0, Pitch.parse("D4"), 0, 1),
        new SongNote(1, Pitch.parse("F#4"), 1, 1.0 / 3)));

    String json = SongWriter.toJson(song);

    assertEquals("""
        {
          "title": "Say \\"hi\\"",
          "composer": "Anon",
          "tempo": 90,
          "time": "3/4",
          "pickup": 1,
          "notes": [
            {"pitch": "D4", "beat": 0, "beats": 1},
            {"pitch": "F#4", "beat": 1, "beats": 0.333333}
          ]
        }
        """, json);
  }

  @Test
  void toJson_parsedBack_givesTheSameSong() {
    Song song = SongParser.parse("silent-night", """
        {"title": "Round", "tempo": 132.5, "time": "6/8", "pickup": 1,
         "melody": ["C5/1 | E5/1.5 D5/0.5 C5/1 G4/3 |"]}
        """);

    Song back = SongParser.parse("silent-night", SongWriter.toJson(song));

    assertEquals(song, back);
  }

  @Test
  void number_values_dropTrailingZeros() {
    assertEquals("120", SongWriter.number(120.0));
    assertEquals("0.5", SongWriter.number(0.5));
    assertEquals("2.333333", SongWriter.number(7.0 / 3));
  }
}
