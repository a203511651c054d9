package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SongParserTest {

  /** A song in 4/4 at 100 bpm with the given extra fields after the header. */
  private static String song(String fields) {
    return "{\"title\": \"Test\", \"tempo\": 100, \"time\": \"4/4\", " + fields + "}";
  }

  private static String describe(Song song) {
    StringBuilder text = new StringBuilder();
    for (SongNote note : song.notes()) {
      text.append(note.index()).append(':').append(note.pitch()).append('@')
          .append(BarNotation.beats(note.beat())).append('/')
          .append(BarNotation.beats(note.beats())).append(' ');
    }
    return text.toString().trim();
  }

  @Test
  void parse_headerFields_fillSong() {
    String json = "{\"title\": \" Jingle \", \"composer\": \"J. Pierpont\", \"tempo\": 120,"
        + " \"time\": \"3/4\", \"melody\": \"C4/3\"}";

    Song song = SongParser.parse("jingle", json);

    assertEquals("jingle", song.id());
    assertEquals("Jingle", song.title());
    assertEquals("J. Pierpont", song.composer());
    assertEquals(120.0, song.bpm());
    assertEquals(3, song.beatsPerBar());
    assertEquals(4, song.beatUnit());
  }

  @Test
  void parse_noComposer_isTraditional() {
    Song song = SongParser.parse("t", song("\"melody\": \"C4/4\""));

    assertEquals("Traditional", song.composer());
  }

  @Test
  void parse_tokenWithoutLength_repeatsPreviousLength() {
    Song song = SongParser.parse("t", song("\"melody\": \"E4/0.5 E4 E4/1 E4 E4 | C4/4 |\""));

    assertEquals("0:E4@0/0.5 1:E4@0.5/0.5 2:E4@1/1 3:E4@2/1 4:E4@3/1 5:C4@4/4",
        describe(song));
  }

  @Test
  void parse_firstTokenWithoutLength_lastsOneBeat() {
    Song song = SongParser.parse("t", song("\"melody\": \"C4 D4 E4 F4\""));

    assertEquals("0:C4@0/1 1:D4@1/1 2:E4@2/1 3:F4@3/1", describe(song));
  }

  @Test
  void parse_restsAndChords_placeNotesOnTheGrid() {
    Song song = SongParser.parse("t", song("\"melody\": \"r/1 E4+C4/2 r/0.5 Bb4/0.5\""));

    assertEquals("0:C4@1/2 1:E4@1/2 2:A#4@3.5/0.5", describe(song));
  }

  @Test
  void parse_fractionLengths_keepBarsExact() {
    Song song = SongParser.parse("t", song("\"melody\": \"C4/1/3 D4 E4 F4/3 | G4/4\""));

    assertEquals(4.0, song.notes().get(4).beat(), 1e-9);
    assertEquals(1.0 / 3, song.notes().get(1).beat(), 1e-9);
  }

  @Test
  void parse_pickup_startsAtBeatZero() {
    String json = "{\"title\": \"T\", \"tempo\": 90, \"time\": \"3/4\", \"pickup\": 1,"
        + " \"melody\": [\"D4/1 |\", \"G4/1 G4 G4 |\", \"G4/2\"]}";

    Song song = SongParser.parse("t", json);

    assertEquals("0:D4@0/1 1:G4@1/1 2:G4@2/1 3:G4@3/1 4:G4@4/2", describe(song));
  }

  @Test
  void parse_sixEight_countsEighthBeats() {
    String json = "{\"title\": \"T\", \"tempo\": 180, \"time\": \"6/8\","
        + " \"melody\": \"G4/3 A4/1 G4/2 | E4/6\"}";

    Song song = SongParser.parse("t", json);

    assertEquals(6, song.beatsPerBar());
    assertEquals(8, song.beatUnit());
    assertEquals(6.0, song.notes().get(3).beat());
  }

  @Test
  void parse_parts_mergeSortedAndShareRepeatedBells() {
    String json = song("\"melody\": \"E4/2 G4/2 | C5/4\","
        + " \"parts\": {\"harmony\": \"C4/2 G4/1 r/1 | E4+G4/4\"}");

    Song song = SongParser.parse("t", json);

    assertEquals("0:C4@0/2 1:E4@0/2 2:G4@2/2 3:E4@4/4 4:G4@4/4 5:C5@4/4", describe(song));
  }

  @Test
  void parse_noteList_sortsByBeatThenPitch() {
    String json = song("\"notes\": [{\"pitch\": \"G4\", \"beat\": 1, \"beats\": 1},"
        + " {\"pitch\": \"E4\", \"beat\": 0, \"beats\": 2}, {\"pitch\": \"C4\", \"beat\": 0,"
        + " \"beats\": 2}]");

    Song song = SongParser.parse("t", json);

    assertEquals("0:C4@0/2 1:E4@0/2 2:G4@1/1", describe(song));
  }

  private static String errorOf(String json) {
    return assertThrows(SongFormatException.class, () -> SongParser.parse("jingle-bells", json))
        .getMessage();
  }

  @Test
  void parse_overfullBar_namesBarAndBeats() {
    String json = song("\"melody\": \"C4/4 | D4/2 D4/2.5 | E4/4\"");

    assertEquals("song 'jingle-bells' bar 2: 4.5 beats in a 4/4 bar, which holds 4",
        errorOf(json));
  }

  @Test
  void parse_shortMiddleBar_namesBarAndBeats() {
    String json = song("\"melody\": \"C4/4 | D4/3 | E4/4\"");

    assertEquals("song 'jingle-bells' bar 2: 3 beats in a 4/4 bar, which holds 4",
        errorOf(json));
  }

  @Test
  void parse_shortFinalBar_isAllowed() {
    Song song = SongParser.parse("t", song("\"melody\": \"C4/4 | D4/1 |\""));

    assertEquals(5.0 * song.msPerBeat(), song.durationMs(), 1e-9);
  }

  @Test
  void parse_shortFirstBarWithoutPickup_suggestsPickup() {
    String json = song("\"melody\": \"G4/1 | C4/4\"");

    assertEquals("song 'jingle-bells' bar 1: 1 beats in a 4/4 bar;"
        + " if the song starts with a pickup, add \"pickup\": 1", errorOf(json));
  }

  @Test
  void parse_pickupBarOfWrongLength_namesBothLengths() {
    String json = song("\"pickup\": 1, \"melody\": \"G4/1 A4/1 | C4/4\"");

    assertEquals("song 'jingle-bells' bar 1: the pickup bar holds 2 beats but \"pickup\" says 1",
        errorOf(json));
  }

  @Test
  void parse_unknownPitch_namesBarAndNote() {
    String json = song("\"melody\": \"C4/4 | C4/1 D4 H4 E4\"");

    assertEquals("song 'jingle-bells' bar 2 note 3: unknown pitch 'H4';"
        + " write a note name such as C4, F#5 or Bb3, or r for a rest", errorOf(json));
  }

  @Test
  void parse_unknownPitchInPart_namesPart() {
    String json = song("\"melody\": \"C4/4\", \"parts\": {\"bass\": \"C4+X2/4\"}");

    assertEquals("song 'jingle-bells' bass bar 1 note 1: unknown pitch 'X2';"
        + " write a note name such as C4, F#5 or Bb3, or r for a rest", errorOf(json));
  }

  @Test
  void parse_badLength_quotesToken() {
    String json = song("\"melody\": \"C4/x D4/1 E4/2\"");

    assertEquals("song 'jingle-bells' bar 1 note 1: bad length 'x' in 'C4/x';"
        + " write beats as a positive number such as 1, 0.5 or 1/3", errorOf(json));
  }

  @Test
  void parse_zeroLength_isBadLength() {
    String json = song("\"melody\": \"C4/0\"");

    assertEquals("song 'jingle-bells' bar 1 note 1: bad length '0' in 'C4/0';"
        + " write beats as a positive number such as 1, 0.5 or 1/3", errorOf(json));
  }

  @Test
  void parse_emptyBar_asksToRemoveBarLine() {
    String json = song("\"melody\": \"C4/4 | | D4/4\"");

    assertEquals("song 'jingle-bells' bar 2: the bar is empty; remove the extra '|'",
        errorOf(json));
  }

  @Test
  void parse_onlyRests_isRejected() {
    assertEquals("song 'jingle-bells': there are only rests; a song needs notes",
        errorOf(song("\"melody\": \"r/4\"")));
  }

  @Test
  void parse_invalidJson_saysSo() {
    String message = errorOf("{\"title\": \"T\" \"tempo\": 1}");

    assertEquals(true, message.startsWith("song 'jingle-bells': not valid JSON ("), message);
    assertEquals(true, message.endsWith("); check commas and quotes"), message);
  }

  @Test
  void parse_notAnObject_saysWhatToWrite() {
    assertEquals("song 'jingle-bells': the file should hold one JSON object,"
        + " as in {\"title\": \"...\", ...}", errorOf("[1, 2]"));
  }

  @Test
  void parse_unknownField_listsKnownFields() {
    assertEquals("song 'jingle-bells': unknown field 'tempoo'; known fields are composer, melody,"
        + " notes, parts, pickup, tempo, time, title", errorOf(song("\"tempoo\": 3")));
  }

  @Test
  void parse_missingTitle_saysFieldNeeded() {
    assertEquals("song 'jingle-bells': \"title\" should be a non-empty string",
        errorOf("{\"tempo\": 100, \"time\": \"4/4\", \"melody\": \"C4/4\"}"));
  }

  @Test
  void parse_tempoNotANumber_saysFieldNeeded() {
    assertEquals("song 'jingle-bells': \"tempo\" should be a number",
        errorOf("{\"title\": \"T\", \"tempo\": \"fast\", \"time\": \"4/4\", \"melody\": \"C4\"}"));
  }

  @Test
  void parse_negativeTempo_givesRange() {
    assertEquals("song 'jingle-bells': tempo -5 should be beats per minute between 1 and 1000,"
        + " such as 120",
        errorOf("{\"title\": \"T\", \"tempo\": -5, \"time\": \"4/4\", \"melody\": \"C4\"}"));
  }

  @Test
  void parse_badTimeSignature_showsExamples() {
    assertEquals("song 'jingle-bells': time signature '4-4' should look like 4/4, 3/4 or 6/8",
        errorOf("{\"title\": \"T\", \"tempo\": 9, \"time\": \"4-4\", \"melody\": \"C4\"}"));
  }

  @Test
  void parse_oddTimeUnit_givesAllowedUnits() {
    assertEquals("song 'jingle-bells': time signature '3/5' needs 1 to 16 beats over a unit of"
        + " 2, 4, 8 or 16, as in 4/4 or 6/8",
        errorOf("{\"title\": \"T\", \"tempo\": 9, \"time\": \"3/5\", \"melody\": \"C4\"}"));
  }

  @Test
  void parse_pickupAsLongAsBar_isRejected() {
    assertEquals("song 'jingle-bells': pickup 4 should be 0 or more and shorter than a 4/4 bar",
        errorOf(song("\"pickup\": 4, \"melody\": \"C4/4\"")));
  }

  @Test
  void parse_melodyAndNotes_isRejected() {
    assertEquals("song 'jingle-bells': write the notes either as \"melody\" in bars or as a"
        + " \"notes\" list, not both", errorOf(song("\"melody\": \"C4\", \"notes\": []")));
  }

  @Test
  void parse_noNotesAtAll_isRejected() {
    assertEquals("song 'jingle-bells': write the notes either as \"melody\" in bars or as a"
        + " \"notes\" list, not neither", errorOf(song("\"composer\": \"X\"")));
  }

  @Test
  void parse_melodyOfWrongType_saysWhatToWrite() {
    assertEquals("song 'jingle-bells': \"melody\" should be a string of bars, or a list of them,"
        + " as in \"E4/1 E4 E4/2 |\"", errorOf(song("\"melody\": 5")));
  }

  @Test
  void parse_noteListUnknownPitch_namesEntry() {
    String json = song("\"notes\": [{\"pitch\": \"C4\", \"beat\": 0, \"beats\": 1},"
        + " {\"pitch\": \"H4\", \"beat\": 1, \"beats\": 1}]");

    assertEquals("song 'jingle-bells' note 2: unknown pitch 'H4';"
        + " write a note name such as C4, F#5 or Bb3, or r for a rest", errorOf(json));
  }

  @Test
  void parse_noteListNegativeBeat_namesEntry() {
    String json = song("\"notes\": [{\"pitch\": \"C4\", \"beat\": -1, \"beats\": 1}]");

    assertEquals("song 'jingle-bells' note 1: beat -1 is before the start;"
        + " beats count from 0 at the first note", errorOf(json));
  }

  @Test
  void parse_noteListZeroLength_namesEntry() {
    String json = song("\"notes\": [{\"pitch\": \"C4\", \"beat\": 0, \"beats\": 0}]");

    assertEquals("song 'jingle-bells' note 1: length 0 should be a positive number of beats",
        errorOf(json));
  }

  @Test
  void parse_noteListMissingBeat_namesField() {
    String json = song("\"notes\": [{\"pitch\": \"C4\", \"beats\": 1}]");

    assertEquals("song 'jingle-bells' note 1: \"beat\" should be a number", errorOf(json));
  }

  @Test
  void parse_errors_areIllegalArgumentExceptions() {
    List<Class<?>> supers = List.of(SongFormatException.class.getSuperclass());

    assertEquals(List.of(IllegalArgumentException.class), supers);
  }
}
