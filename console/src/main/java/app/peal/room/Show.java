package app.peal.room;

import app.peal.game.Judge;
import app.peal.game.Lane;
import app.peal.game.Performance;
import app.peal.game.ScheduledNote;
import app.peal.music.BellAssignment;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.music.SongNote;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One scheduled run of a song: its notes on the room clock and the judge of its rings. */
final class Show {
  final Song song;
  final Performance performance;
  final Judge judge = new Judge();
  final double endsAt;
  private final Map<String, List<ScheduledNote>> notesByPlayer = new HashMap<>();
  private final Map<Integer, String> ringerByNote = new HashMap<>();

  Show(Song song, BellAssignment bells, double startAt, Function<String, String> nameOf) {
    this.song = song;
    double countInMs = song.msPerBeat() * song.beatsPerBar();

    List<ScheduledNote> notes = new ArrayList<>();
    Map<Pitch, Integer> occurrences = new HashMap<>();
    for (SongNote n : song.notes()) {
      ScheduledNote note = new ScheduledNote(n.index(), n.pitch(), startAt + song.msAt(n.beat()));
      notes.add(note);
      int occurrence = occurrences.merge(n.pitch(), 1, Integer::sum) - 1;
      bells.ringerOf(n.pitch(), occurrence).ifPresent(player -> {
        judge.expect(player, note.id(), note.pitch(), note.at());
        notesByPlayer.computeIfAbsent(player, p -> new ArrayList<>()).add(note);
        ringerByNote.put(note.id(), player);
      });
    }
    List<Lane> lanes = new ArrayList<>();
    for (Pitch p : song.pitches()) {
      lanes.add(new Lane(p, bells.ringersOf(p).stream().map(nameOf).toList()));
    }

    this.performance = new Performance(song.title(), startAt, countInMs, song.durationMs(),
        song.msPerBeat(), song.beatsPerBar(), List.copyOf(lanes), List.copyOf(notes));
    double lastNote = notes.isEmpty() ? startAt : notes.get(notes.size() - 1).at();
    this.endsAt = Math.max(lastNote + Judge.GOOD_MS, startAt + song.durationMs());
  }

  /** The player dealt this note, or null when the console rings it. */
  String ringerOf(int noteId) {
    return ringerByNote.get(noteId);
  }

  /** The fields of a {@code start} message for one player. */
  JsonObject startFields(String playerId, List<Pitch> bells, long lastRingId) {
    JsonObject o = Messages.typed("start");
    o.addProperty("at", performance.startAt());
    o.addProperty("countInMs", performance.countInMs());
    o.addProperty("title", song.title());
    o.addProperty("bpm", song.bpm());
    o.addProperty("beatsPerBar", song.beatsPerBar());
    o.addProperty("durationMs", song.durationMs());
    o.add("bells", Messages.bells(bells));
    JsonArray notes = new JsonArray();
    for (ScheduledNote n : notesByPlayer.getOrDefault(playerId, List.of())) {
      JsonObject note = new JsonObject();
      note.addProperty("id", n.id());
      note.addProperty("bell", n.pitch().name());
      note.addProperty("ms", Math.round((n.at() - performance.startAt()) * 1000) / 1000.0);
      notes.add(note);
    }
    o.add("notes", notes);
    o.addProperty("lastRingId", lastRingId);
    return o;
  }
}
