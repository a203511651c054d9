package app.peal.music;

import static app.peal.music.MidiFiles.PPQ;
import static app.peal.music.MidiFiles.note;
import static app.peal.music.MidiFiles.tune;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIDI files written by the test, converted and checked note by note in milliseconds. */
class MidiImportTest {
  @TempDir
  Path dir;

  /** "E4@0 G4@500": each note's pitch and start in whole ms. */
  static String timeline(Song song) {
    return song.notes().stream()
        .map(n -> n.pitch().name() + "@" + Math.round(song.msAt(n.beat())))
        .collect(Collectors.joining(" "));
  }

  private Song convert(Sequence sequence, int type, boolean harmony) throws Exception {
    Path file = MidiFiles.write(sequence, type, dir.resolve("tune.mid"));
    return MidiImport.read(file, harmony);
  }

  @Test
  void read_formatZero_takesTheTuneOverTheBassChannel() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.tempo(track, 0, 120);
    tune(track, 0, 0, "E4", "D4", "C4", "D4", "E4", "E4", "E4");
    note(track, 1, "C3", 0, 4 * PPQ);
    note(track, 1, "G2", 4 * PPQ, 3 * PPQ);

    Song song = convert(sequence, 0, false);

    assertEquals("E4@0 D4@500 C4@1000 D4@1500 E4@2000 E4@2500 E4@3000", timeline(song));
    assertEquals(120, song.bpm(), 1e-9);
    assertEquals(1.0, song.notes().get(0).beats(), 1e-9);
    assertEquals("tune", song.id());
  }

  @Test
  void read_formatOne_namedTracks_picksTheMelodyTrack() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track conductor = sequence.createTrack();
    MidiFiles.name(conductor, "Merry Test");
    MidiFiles.tempo(conductor, 0, 100);
    Track chords = sequence.createTrack();
    MidiFiles.name(chords, "Piano chords");
    for (int bar = 0; bar < 2; bar++) {
      for (String pitch : new String[] {"E5", "G5", "C6"}) {
        note(chords, 1, pitch, bar * 4L * PPQ, 4 * PPQ);
      }
    }
    Track melody = sequence.createTrack();
    MidiFiles.name(melody, "Melody");
    tune(melody, 0, 0, "C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5");
    Track bass = sequence.createTrack();
    MidiFiles.name(bass, "Bass");
    MidiFiles.program(bass, 2, 33);
    tune(bass, 2, 0, "C2", "C2", "C2", "C2", "G1", "G1", "G1", "G1");

    Song song = convert(sequence, 1, false);

    assertEquals("C4@0 D4@600 E4@1200 F4@1800 G4@2400 A4@3000 B4@3600 C5@4200",
        timeline(song));
    assertEquals("Merry Test", song.title());
  }

  @Test
  void read_unnamedLines_prefersTheSingleHighLineToBlockChords() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track chords = sequence.createTrack();
    for (int beat = 0; beat < 8; beat += 2) {
      for (String pitch : new String[] {"C4", "E4", "G4"}) {
        note(chords, 1, pitch, beat * (long) PPQ, 2 * PPQ);
      }
    }
    Track melody = sequence.createTrack();
    tune(melody, 0, 0, "G4", "A4", "G4", "F4", "E4", "F4", "G4", "C5");

    Song song = convert(sequence, 1, false);

    assertEquals("G4 A4 G4 F4 E4 F4 G4 C5", song.notes().stream()
        .map(n -> n.pitch().name()).collect(Collectors.joining(" ")));
  }

  @Test
  void read_tempoChanges_timesEveryNoteInMilliseconds() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.tempo(track, 0, 120);
    MidiFiles.tempo(track, 4 * PPQ, 60);
    MidiFiles.tempo(track, 6 * PPQ, 240);
    tune(track, 0, 0, "C4", "D4", "E4", "F4", "G4", "A4", "B4", "C5");

    Song song = convert(sequence, 0, false);

    assertEquals("C4@0 D4@500 E4@1000 F4@1500 G4@2000 A4@3000 B4@4000 C5@4250",
        timeline(song));
    assertEquals(120, song.bpm(), 1e-9);
    assertEquals(2.0, song.notes().get(4).beats(), 1e-9);
    assertEquals(0.5, song.notes().get(6).beats(), 1e-9);
  }

  @Test
  void read_threeFour_keepsTheMetre() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.timeSignature(track, 0, 3, 4);
    MidiFiles.tempo(track, 0, 90);
    tune(track, 0, 0, "G4", "A4", "G4", "E4");

    Song song = convert(sequence, 0, false);

    assertEquals(3, song.beatsPerBar());
    assertEquals(4, song.beatUnit());
    assertEquals("G4@0 A4@667 G4@1333 E4@2000", timeline(song));
  }

  @Test
  void read_sixEight_countsEighthsAtTwiceTheQuarterTempo() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.timeSignature(track, 0, 6, 8);
    MidiFiles.tempo(track, 0, 60);
    for (int i = 0; i < 6; i++) {
      note(track, 0, i % 2 == 0 ? "C5" : "E5", i * (long) PPQ / 2, PPQ / 2);
    }

    Song song = convert(sequence, 0, false);

    assertEquals(6, song.beatsPerBar());
    assertEquals(8, song.beatUnit());
    assertEquals(120, song.bpm(), 1e-9);
    assertEquals("C5@0 E5@500 C5@1000 E5@1500 C5@2000 E5@2500", timeline(song));
    assertEquals(1.0, song.notes().get(1).beat(), 1e-9);
  }

  @Test
  void read_runningStatusAndZeroVelocityOff_pairsNotes() throws Exception {
    ByteArrayOutputStream track = new ByteArrayOutputStream();
    track.writeBytes(new byte[] {0, (byte) 0xFF, 0x51, 3, 0x07, (byte) 0xA1, 0x20});
    track.writeBytes(new byte[] {0, (byte) 0x90, 60, 100});
    track.writeBytes(MidiFiles.delta(PPQ));
    track.writeBytes(new byte[] {60, 0});
    track.writeBytes(new byte[] {0, 64, 100});
    track.writeBytes(MidiFiles.delta(2 * PPQ));
    track.writeBytes(new byte[] {64, 0});
    track.writeBytes(new byte[] {0, 67, 100});
    track.writeBytes(MidiFiles.delta(PPQ));
    track.writeBytes(new byte[] {67, 0});
    track.writeBytes(new byte[] {0, (byte) 0xFF, 0x2F, 0});
    Path file = MidiFiles.writeBytes(dir.resolve("running.mid"),
        MidiFiles.raw(0, PPQ, track.toByteArray()));

    Song song = MidiImport.read(file, false);

    assertEquals("C4@0 E4@500 G4@1500", timeline(song));
    assertEquals(1.0, song.notes().get(0).beats(), 1e-9);
    assertEquals(2.0, song.notes().get(1).beats(), 1e-9);
    assertEquals(1.0, song.notes().get(2).beats(), 1e-9);
  }

  @Test
  void read_drumsOnChannelTen_areIgnored() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track drums = sequence.createTrack();
    MidiFiles.name(drums, "Lead drums");
    for (int i = 0; i < 16; i++) {
      note(drums, MidiScore.DRUM_CHANNEL, "A5", i * (long) PPQ / 2, PPQ / 4);
    }
    Track melody = sequence.createTrack();
    tune(melody, 3, 0, "C4", "E4", "G4", "E4");

    Song song = convert(sequence, 1, true);

    assertEquals("C4@0 E4@500 G4@1000 E4@1500", timeline(song));
  }

  @Test
  void read_onlyDrums_failsNamingTheFile() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track drums = sequence.createTrack();
    tune(drums, MidiScore.DRUM_CHANNEL, 0, "C2", "D2");
    Path file = MidiFiles.write(sequence, 1, dir.resolve("beat.mid"));

    MidiImportException error =
        assertThrows(MidiImportException.class, () -> MidiImport.read(file, false));

    assertEquals("midi file 'beat.mid': holds only drums (channel 10); the bells need a tune "
        + "on another channel", error.getMessage());
  }

  @Test
  void read_firstNoteOnTheLastBeat_makesAOneBeatPickup() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.timeSignature(track, 0, 3, 4);
    MidiFiles.tempo(track, 0, 120);
    tune(track, 0, 2 * PPQ, "D4", "G4", "G4", "A4", "G4");

    Song song = convert(sequence, 0, false);

    assertEquals(1.0, song.pickupBeats(), 1e-9);
    assertEquals("D4@0 G4@500 G4@1000 A4@1500 G4@2000", timeline(song));
  }

  @Test
  void read_shortFirstBarSignature_makesAPickup() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.timeSignature(track, 0, 1, 4);
    MidiFiles.timeSignature(track, PPQ, 4, 4);
    tune(track, 0, 0, "G4", "C5", "C5", "D5", "E5");

    Song song = convert(sequence, 0, false);

    assertEquals(4, song.beatsPerBar());
    assertEquals(1.0, song.pickupBeats(), 1e-9);
    assertEquals("G4@0 C5@500 C5@1000 D5@1500 E5@2000", timeline(song));
  }

  @Test
  void read_leadingSilence_startsAtTheFirstNote() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    tune(track, 0, 8 * PPQ, "E4", "F4");

    Song song = convert(sequence, 0, false);

    assertEquals(0.0, song.pickupBeats());
    assertEquals("E4@0 F4@500", timeline(song));
  }

  @Test
  void read_lowTune_movesUpByWholeOctavesUntilItAllFits() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    tune(track, 0, 0, "C2", "E2", "G2", "C3", "B1");

    Song song = convert(sequence, 0, false);

    assertEquals("C5@0 E5@500 G5@1000 C6@1500 B4@2000", timeline(song));
  }

  @Test
  void read_highOutliers_foldDownOneByOne() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    tune(track, 0, 0, "C4", "D4", "E7", "C4");

    Song song = convert(sequence, 0, false);

    assertEquals("C4@0 D4@500 E6@1000 C4@1500", timeline(song));
  }

  @Test
  void read_bellRepeatedTooSoon_dropsTheRepeat() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.tempo(track, 0, 150);
    for (int i = 0; i < 4; i++) {
      note(track, 0, "A4", i * (long) PPQ / 4, PPQ / 4);
    }
    note(track, 0, "B4", PPQ, PPQ);

    Song song = convert(sequence, 0, false);

    assertEquals("A4@0 A4@200 B4@400", timeline(song));
  }

  @Test
  void read_graceNote_givesWayToTheNoteItDecorates() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    note(track, 0, "C5", 0, PPQ);
    note(track, 0, "E5", PPQ - 48, 48);
    note(track, 0, "D5", PPQ, PPQ);

    Song song = convert(sequence, 0, false);

    assertEquals("C5@0 D5@500", timeline(song));
  }

  @Test
  void read_chordsInTheTuneLine_keepTheirTopNote() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    for (String pitch : new String[] {"C4", "E4", "G4", "C5"}) {
      note(track, 0, pitch, 0, PPQ);
    }
    note(track, 0, "D5", PPQ, PPQ);

    Song melodyOnly = convert(sequence, 0, false);
    Song harmony = convert(sequence, 0, true);

    assertEquals("C5@0 D5@500", timeline(melodyOnly));
    assertEquals("E4@0 G4@0 C5@0 D5@500", timeline(harmony));
  }

  @Test
  void read_harmony_addsAtMostTwoBellsUnderEachTuneNote() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track melody = sequence.createTrack();
    MidiFiles.name(melody, "Melody");
    tune(melody, 0, 0, "E5", "D5", "C5");
    Track piano = sequence.createTrack();
    MidiFiles.name(piano, "Piano");
    for (String pitch : new String[] {"C3", "G3", "C4", "E4", "G4"}) {
      note(piano, 1, pitch, 0, 2 * PPQ);
    }
    note(piano, 1, "F4", PPQ / 2, PPQ / 2);
    note(piano, 1, "A4", 2 * PPQ, PPQ);
    note(piano, 1, "C5", 2 * PPQ, PPQ);

    Song song = convert(sequence, 1, true);

    assertEquals("E4@0 G4@0 E5@0 D5@500 A4@1000 C5@1000", timeline(song));
    assertTrue(Ringing.largestChord(song) <= Ringing.MAX_CHORD);
  }

  @Test
  void read_notAMidiFile_failsNamingTheFile() throws Exception {
    Path file = MidiFiles.writeBytes(dir.resolve("notes.mid"), "hello".getBytes());

    MidiImportException error =
        assertThrows(MidiImportException.class, () -> MidiImport.read(file, false));

    assertTrue(error.getMessage().startsWith("midi file 'notes.mid': not a standard MIDI file"),
        error.getMessage());
  }

  @Test
  void read_missingFile_saysSo() {
    Path file = dir.resolve("nowhere.mid");

    MidiImportException error =
        assertThrows(MidiImportException.class, () -> MidiImport.read(file, false));

    assertEquals("midi file 'nowhere.mid': no such file; check the path", error.getMessage());
  }

  @Test
  void read_noNotes_failsNamingTheFile() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    MidiFiles.tempo(sequence.createTrack(), 0, 100);
    Path file = MidiFiles.write(sequence, 1, dir.resolve("silence.mid"));

    MidiImportException error =
        assertThrows(MidiImportException.class, () -> MidiImport.read(file, false));

    assertEquals("midi file 'silence.mid': holds no notes", error.getMessage());
  }

  @Test
  void read_firstTrackPlaysAndIsNamed_titleComesFromTheFileName() throws Exception {
    Sequence sequence = MidiFiles.sequence();
    Track piano = sequence.createTrack();
    MidiFiles.name(piano, "Acoustic Grand");
    tune(piano, 0, 0, "C4", "E4", "G4");
    tune(sequence.createTrack(), 1, 0, "C3", "C3", "C3");
    Path file = MidiFiles.write(sequence, 1, dir.resolve("o_little_town.mid"));

    Song song = MidiImport.read(file, false);

    assertEquals("O Little Town", song.title());
  }

  @Test
  void idFor_fileName_becomesASongId() {
    assertEquals("silent-night-2", MidiImport.idFor(Path.of("x/Silent_Night (2).MID")));
    assertEquals("midi-song", MidiImport.idFor(Path.of("__.mid")));
  }

  @Test
  void read_damagedCopies_failOnlyWithMidiImportException() throws Exception {
    byte[] good = Files.readAllBytes(writeSample(dir));
    Random random = new Random(4);

    int songs = 0;
    for (int round = 0; round < 150; round++) {
      byte[] bad = good.clone();
      int cut = round % 3 == 0 ? random.nextInt(bad.length) : bad.length;
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
      }
      Path file = Files.write(dir.resolve("damaged.mid"), Arrays.copyOf(bad, cut));
      try {
        Song song = MidiImport.read(file, round % 2 == 0);
        songs++;
        assertTrue(!song.notes().isEmpty());
      } catch (MidiImportException e) {
        assertTrue(e.getMessage().startsWith("midi file 'damaged.mid': "), e.getMessage());
      }
    }

    assertTrue(songs > 0, "some damage leaves a readable file");
  }

  static Sequence sample() {
    Sequence sequence = MidiFiles.sequence();
    Track track = sequence.createTrack();
    MidiFiles.name(track, "Sample");
    MidiFiles.timeSignature(track, 0, 3, 4);
    MidiFiles.tempo(track, 0, 132);
    MidiFiles.tempo(track, 6 * PPQ, 100);
    tune(track, 0, 2 * PPQ, "D4", "G4", "G4", "A4", "G4", "F#4", "E4", "E4", "E4");
    return sequence;
  }

  static Path writeSample(Path dir) throws IOException {
    return MidiFiles.write(sample(), 1, dir.resolve("sample.mid"));
  }
}
