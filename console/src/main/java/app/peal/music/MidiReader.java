package app.peal.music;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads a standard MIDI file (format 0 or 1) into a {@link MidiScore} with javax.sound.midi's
 * file reader alone: no synthesizer or sequencer, so it works on a machine without sound. Note-on
 * and note-off events are paired per channel and key; a note-on with velocity 0 is a note-off,
 * as running-status files write it.
 */
final class MidiReader {
  private static final int META_COPYRIGHT = 0x02;
  private static final int META_TRACK_NAME = 0x03;
  private static final int META_TEMPO = 0x51;
  private static final int META_TIME_SIGNATURE = 0x58;

  /** Far above any song; a bigger file is something else and is refused unread. */
  static final long MAX_BYTES = 10_000_000;

  private MidiReader() {}

  static MidiScore read(Path file) throws MidiImportException {
    Sequence sequence;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new MidiImportException(file, "is " + size / 1_000_000 + " MB; a song's MIDI file "
            + "is well under " + MAX_BYTES / 1_000_000 + " MB, so this is not one");
      }
    } catch (NoSuchFileException e) {
      throw new MidiImportException(file, "no such file; check the path");
    } catch (IOException e) {
      throw new MidiImportException(file, "cannot be read (" + e.getMessage() + ")", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      sequence = MidiSystem.getSequence(new BufferedInputStream(in));
    } catch (NoSuchFileException e) {
      throw new MidiImportException(file, "no such file; check the path");
    } catch (InvalidMidiDataException e) {
      throw new MidiImportException(file,
          "not a standard MIDI file (" + e.getMessage() + "); export it as a .mid from "
              + "your music program", e);
    } catch (IOException e) {
      throw new MidiImportException(file,
          "cannot be read (" + e.getMessage() + "); the file may be cut short", e);
    } catch (RuntimeException e) {
      // The JDK's reader can trip over a damaged file in ways it does not declare.
      throw new MidiImportException(file,
          "is damaged and cannot be read (" + e + "); export it again", e);
    }
    return toScore(file, sequence);
  }

  private static MidiScore toScore(Path file, Sequence sequence) throws MidiImportException {
    int ticksPerQuarter = sequence.getResolution();
    boolean smpte = sequence.getDivisionType() != Sequence.PPQ;
    if (smpte) {
      // Frame-based files ignore tempo events: at the default 120 a minute, a second is 2 beats.
      ticksPerQuarter = Math.round(sequence.getDivisionType() * sequence.getResolution() / 2f);
    }
    if (ticksPerQuarter <= 0) {
      throw new MidiImportException(file,
          "its header gives " + sequence.getResolution() + " ticks per beat; it is damaged");
    }

    String title = "";
    String copyright = "";
    TreeMap<Long, MidiScore.Tempo> tempi = new TreeMap<>();
    TreeMap<Long, MidiScore.TimeSignature> signatures = new TreeMap<>();
    List<MidiScore.Line> lines = new ArrayList<>();
    Track[] tracks = sequence.getTracks();
    for (int t = 0; t < tracks.length; t++) {
      TrackReader reader = new TrackReader(t);
      for (int i = 0; i < tracks[t].size(); i++) {
        MidiEvent event = tracks[t].get(i);
        MidiMessage message = event.getMessage();
        long tick = event.getTick();
        if (message instanceof ShortMessage shortMessage) {
          reader.onShort(tick, shortMessage);
        } else if (message instanceof MetaMessage meta) {
          byte[] data = meta.getData();
          switch (meta.getType()) {
            case META_TEMPO -> {
              if (!smpte && data.length >= 3) {
                long micros = ((data[0] & 0xFFL) << 16) | ((data[1] & 0xFFL) << 8)
                    | (data[2] & 0xFF);
                if (micros > 0) {
                  tempi.put(tick, new MidiScore.Tempo(tick, micros));
                }
              }
            }
            case META_TIME_SIGNATURE -> {
              if (data.length >= 2 && data[0] > 0 && data[1] >= 0 && data[1] <= 6) {
                signatures.put(tick, new MidiScore.TimeSignature(tick, data[0], 1 << data[1]));
              }
            }
            case META_TRACK_NAME -> {
              String name = text(data);
              reader.name = reader.name.isEmpty() ? name : reader.name;
              if (t == 0) {
                title = title.isEmpty() ? name : title;
              }
            }
            case META_COPYRIGHT -> copyright = copyright.isEmpty() ? text(data) : copyright;
            default -> { }
          }
        }
        reader.lastTick = Math.max(reader.lastTick, tick);
      }
      List<MidiScore.Line> trackLines = reader.finish();
      // A first track that plays notes beside others names its instrument, not the song.
      if (t == 0 && tracks.length > 1 && !trackLines.isEmpty()) {
        title = "";
      }
      lines.addAll(trackLines);
    }
    return new MidiScore(title, copyright, ticksPerQuarter, List.copyOf(tempi.values()),
        List.copyOf(signatures.values()), lines);
  }

  private static String text(byte[] data) {
    // Track names in old files are Latin-1 far more often than UTF-8.
    return new String(data, StandardCharsets.ISO_8859_1).replaceAll("\\p{Cntrl}", "").trim();
  }

  /** Pairs one track's note events into notes, one line per channel used. */
  private static final class TrackReader {
    private final int track;
    private final Map<Integer, Deque<long[]>> open = new HashMap<>();
    private final Map<Integer, List<MidiScore.Note>> notesByChannel = new TreeMap<>();
    private final int[] programs = new int[16];
    String name = "";
    long lastTick;

    TrackReader(int track) {
      this.track = track;
    }

    void onShort(long tick, ShortMessage message) {
      int channel = message.getChannel();
      int key = message.getData1();
      int command = message.getCommand();
      if (command == ShortMessage.NOTE_ON && message.getData2() > 0) {
        open.computeIfAbsent(channel * 128 + key, k -> new ArrayDeque<>())
            .addLast(new long[] {tick, message.getData2()});
      } else if (command == ShortMessage.NOTE_OFF || command == ShortMessage.NOTE_ON) {
        Deque<long[]> started = open.get(channel * 128 + key);
        if (started != null && !started.isEmpty()) {
          long[] start = started.removeFirst();
          add(channel, new MidiScore.Note(key, start[0], tick, (int) start[1]));
        }
      } else if (command == ShortMessage.PROGRAM_CHANGE) {
        programs[channel] = key;
      }
    }

    List<MidiScore.Line> finish() {
      // A note never released lasts to the end of its track.
      for (Map.Entry<Integer, Deque<long[]>> held : open.entrySet()) {
        for (long[] start : held.getValue()) {
          int channel = held.getKey() / 128;
          long end = Math.max(lastTick, start[0] + 1);
          add(channel, new MidiScore.Note(held.getKey() % 128, start[0], end, (int) start[1]));
        }
      }
      List<MidiScore.Line> lines = new ArrayList<>();
      for (Map.Entry<Integer, List<MidiScore.Note>> entry : notesByChannel.entrySet()) {
        List<MidiScore.Note> notes = entry.getValue();
        notes.sort(Comparator.comparingLong(MidiScore.Note::startTick)
            .thenComparingInt(MidiScore.Note::key));
        lines.add(new MidiScore.Line(
            track, entry.getKey(), name, programs[entry.getKey()], List.copyOf(notes)));
      }
      return lines;
    }

    private void add(int channel, MidiScore.Note note) {
      notesByChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(note);
    }
  }
}
