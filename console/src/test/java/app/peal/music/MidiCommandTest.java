package app.peal.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiCommandTest {
  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return MidiCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void run_withOut_writesASongTheParserReadsBackNoteForNote() throws Exception {
    Path midi = MidiImportTest.writeSample(dir);
    Path json = dir.resolve("sample.json");

    int code = run(midi.toString(), "--out", json.toString());

    assertEquals(MidiCommand.OK, code, errText());
    Song imported = MidiImport.read(midi, false);
    Song parsed = SongParser.parse("sample", Files.readString(json));
    assertEquals(MidiImportTest.timeline(imported), MidiImportTest.timeline(parsed));
    assertEquals("D4@0 G4@455 G4@909 A4@1364 G4@1818 F#4@2418 E4@3018 E4@3618 E4@4218",
        MidiImportTest.timeline(parsed));
    assertEquals(1.0, parsed.pickupBeats());
    assertEquals(3, parsed.beatsPerBar());
    assertEquals(132, parsed.bpm(), 1e-3);
    for (int i = 0; i < parsed.notes().size(); i++) {
      assertEquals(imported.notes().get(i).beats(), parsed.notes().get(i).beats(), 1e-6);
    }
    assertTrue(errText().startsWith("'Sample': 9 notes on 5 bells D4-A4, 3/4 at 132"), errText());
  }

  @Test
  void run_withoutOut_printsTheSong() throws Exception {
    Path midi = MidiImportTest.writeSample(dir);

    int code = run(midi.toString(), "--harmony");

    assertEquals(MidiCommand.OK, code);
    String json = out.toString(StandardCharsets.UTF_8);
    assertTrue(json.contains("\"pitch\": \"F#4\""), json);
    assertEquals(9, SongParser.parse("sample", json).notes().size());
  }

  @Test
  void run_brokenFile_failsWithTheFileAndReason() throws Exception {
    Path midi = Files.writeString(dir.resolve("broken.mid"), "MThd nonsense");

    int code = run(midi.toString());

    assertEquals(MidiCommand.FAILED, code);
    assertTrue(errText().startsWith("midi file 'broken.mid': "), errText());
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_noFile_printsUsage() {
    int code = run("--harmony");

    assertEquals(MidiCommand.USAGE, code);
    assertEquals(MidiCommand.USAGE_TEXT + System.lineSeparator(), errText());
  }

  @Test
  void run_unknownOption_namesIt() {
    int code = run("song.mid", "--loud");

    assertEquals(MidiCommand.USAGE, code);
    assertTrue(errText().startsWith("unknown option '--loud'"), errText());
  }

  @Test
  void run_outWithoutName_saysWhatIsMissing() {
    int code = run("song.mid", "--out");

    assertEquals(MidiCommand.USAGE, code);
    assertTrue(errText().startsWith("--out needs a file name"), errText());
  }
}
