package app.peal.music;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Builds MIDI files for the import tests: with javax.sound.midi for most, and byte by byte for
 * what its writer never produces, such as running status.
 */
final class MidiFiles {
  static final int PPQ = 480;

  private MidiFiles() {}

  static Sequence sequence() {
    try {
      return new Sequence(Sequence.PPQ, PPQ);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
  }

  static void tempo(Track track, long tick, double bpm) {
    long micros = Math.round(60_000_000 / bpm);
    byte[] data = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
    meta(track, tick, 0x51, data);
  }

  static void timeSignature(Track track, long tick, int upper, int lower) {
    int log2 = Integer.numberOfTrailingZeros(lower);
    meta(track, tick, 0x58, new byte[] {(byte) upper, (byte) log2, 24, 8});
  }

  static void name(Track track, String name) {
    meta(track, 0, 0x03, name.getBytes(StandardCharsets.ISO_8859_1));
  }

  static void program(Track track, int channel, int program) {
    add(track, 0, shortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0));
  }

  /** A note from {@code start} lasting {@code length} ticks, released by a note-off. */
  static void note(Track track, int channel, String pitch, long start, long length) {
    int key = Pitch.parse(pitch).midi();
    add(track, start, shortMessage(ShortMessage.NOTE_ON, channel, key, 90));
    add(track, start + length, shortMessage(ShortMessage.NOTE_OFF, channel, key, 0));
  }

  /** Notes of one beat each, one after another from {@code start}. */
  static void tune(Track track, int channel, long start, String... pitches) {
    for (int i = 0; i < pitches.length; i++) {
      note(track, channel, pitches[i], start + (long) i * PPQ, PPQ);
    }
  }

  static Path write(Sequence sequence, int type, Path file) throws IOException {
    MidiSystem.write(sequence, type, file.toFile());
    return file;
  }

  /** A standard MIDI file with the given track chunks, each the bytes after "MTrk" + length. */
  static byte[] raw(int format, int ppq, byte[]... tracks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, (byte) format, 0,
        (byte) tracks.length, (byte) (ppq >> 8), (byte) ppq});
    for (byte[] track : tracks) {
      out.writeBytes(new byte[] {'M', 'T', 'r', 'k'});
      out.writeBytes(new byte[] {(byte) (track.length >> 24), (byte) (track.length >> 16),
          (byte) (track.length >> 8), (byte) track.length});
      out.writeBytes(track);
    }
    return out.toByteArray();
  }

  /** Variable-length quantity, as delta times are written. */
  static byte[] delta(long ticks) {
    int groups = 1;
    while (ticks >> (7 * groups) != 0) {
      groups++;
    }
    byte[] bytes = new byte[groups];
    for (int g = 0; g < groups; g++) {
      int more = g < groups - 1 ? 0x80 : 0;
      bytes[g] = (byte) (((ticks >> (7 * (groups - 1 - g))) & 0x7F) | more);
    }
    return bytes;
  }

  static Path writeBytes(Path file, byte[] bytes) throws IOException {
    Files.write(file, bytes);
    return file;
  }

  private static void meta(Track track, long tick, int type, byte[] data) {
    try {
      add(track, tick, new MetaMessage(type, data, data.length));
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ShortMessage shortMessage(int command, int channel, int data1, int data2) {
    try {
      return new ShortMessage(command, channel, data1, data2);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void add(Track track, long tick, MidiMessage message) {
    track.add(new MidiEvent(message, tick));
  }
}
