package app.peal.ui;

import app.peal.game.Judgement;
import app.peal.game.Lane;
import app.peal.game.Performance;
import app.peal.game.Phase;
import app.peal.game.PlayerView;
import app.peal.game.Results;
import app.peal.game.RoomControl;
import app.peal.game.RoomListener;
import app.peal.game.RoomSnapshot;
import app.peal.game.ScheduledNote;
import app.peal.game.Score;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.music.SongNote;
import app.peal.sync.RoomClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A room the tests drive by hand. Verbs are recorded and move the phase the way the real room
 * does; listeners are told on a thread of the room's own, as the real room tells them.
 */
final class FakeRoom implements RoomControl {
  static final String CODE = "BELL";
  static final double COUNT_IN_MS = 2000;

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  volatile double nowMs = 1000;
  volatile String refusal;
  private final RoomClock clock;
  private volatile List<Song> songs;
  private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService roomThread = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "fake-room");
    thread.setDaemon(true);
    return thread;
  });
  private volatile RoomSnapshot snapshot;

  FakeRoom(RoomClock clock, List<Song> songs, List<PlayerView> players) {
    this.clock = clock == null ? () -> nowMs : clock;
    this.songs = List.copyOf(songs);
    snapshot = new RoomSnapshot(CODE, Phase.LOBBY, null, List.copyOf(players), List.of(),
        "choose a song first", null, null);
  }

  /** A room on a hand-set clock with two songs and nobody in it. */
  static FakeRoom empty() {
    return new FakeRoom(null, List.of(odeToJoy(), bellsOfLondon()), List.of());
  }

  static Song odeToJoy() {
    String[] tune = {"E4", "E4", "F4", "G4", "G4", "F4", "E4", "D4", "C4", "C4", "D4", "E4",
        "E4", "D4", "D4"};
    List<SongNote> notes = new ArrayList<>();
    for (int i = 0; i < tune.length; i++) {
      notes.add(new SongNote(i, Pitch.parse(tune[i]), i, 1));
    }
    return new Song("ode", "Ode to Joy", "Beethoven", 120, 4, 4, notes);
  }

  static Song bellsOfLondon() {
    List<SongNote> notes = new ArrayList<>();
    String[] tune = {"G4", "A4", "B4", "C5", "D5", "E5", "F#5", "G5"};
    for (int i = 0; i < tune.length; i++) {
      notes.add(new SongNote(i, Pitch.parse(tune[i]), i * 0.5, 0.5));
    }
    return new Song("london", "Bells of London", "Trad.", 96, 3, 4, notes);
  }

  static PlayerView player(String id, String name, boolean synced, String... bells) {
    List<Pitch> pitches = new ArrayList<>();
    for (String bell : bells) {
      pitches.add(Pitch.parse(bell));
    }
    return new PlayerView(id, name, pitches, true, 23.4, synced ? 2.1 : 14.8, synced,
        Score.EMPTY);
  }

  /** The song as the highway gets it: lanes in pitch order, beat 0 at {@code startAt}. */
  static Performance performance(Song song, double startAt, List<PlayerView> players) {
    List<Lane> lanes = new ArrayList<>();
    for (Pitch pitch : song.pitches()) {
      List<String> ringers = new ArrayList<>();
      for (PlayerView player : players) {
        if (player.bells().contains(pitch)) {
          ringers.add(player.name());
        }
      }
      lanes.add(new Lane(pitch, ringers));
    }
    List<ScheduledNote> notes = new ArrayList<>();
    for (SongNote note : song.notes()) {
      notes.add(new ScheduledNote(note.index(), note.pitch(), startAt + song.msAt(note.beat())));
    }
    return new Performance(song.title(), startAt, COUNT_IN_MS, song.durationMs(),
        song.msPerBeat(), song.beatsPerBar(), lanes, notes);
  }

  RoomSnapshot withPlayers(List<PlayerView> players) {
    RoomSnapshot s = snapshot;
    return new RoomSnapshot(s.code(), s.phase(), s.song(), List.copyOf(players), s.consoleBells(),
        s.startBlockedReason(), s.performance(), s.results());
  }

  RoomSnapshot inPhase(Phase phase, Performance performance, Results results) {
    RoomSnapshot s = snapshot;
    String reason = s.song() == null ? "choose a song first" : null;
    return new RoomSnapshot(s.code(), phase, s.song(), s.players(), s.consoleBells(), reason,
        performance, results);
  }

  /** Makes {@code next} the room's state and tells every listener, from the room's thread. */
  void publish(RoomSnapshot next) {
    snapshot = next;
    onRoomThread(() -> listeners.forEach(l -> l.roomChanged(next)));
  }

  void judge(Judgement judgement) {
    onRoomThread(() -> listeners.forEach(l -> l.judged(judgement)));
  }

  int listenerCount() {
    return listeners.size();
  }

  @Override
  public RoomClock clock() {
    return clock;
  }

  @Override
  public List<Song> songs() {
    return songs;
  }

  @Override
  public RoomSnapshot snapshot() {
    return snapshot;
  }

  @Override
  public void addSong(Song song) {
    calls.add("addSong " + song.id());
    if (songs.stream().anyMatch(s -> s.id().equals(song.id()))) {
      throw new IllegalArgumentException("a song with id '" + song.id() + "' is already listed");
    }
    List<Song> more = new ArrayList<>(songs);
    more.add(song);
    songs = List.copyOf(more);
  }

  @Override
  public void chooseSong(String songId) {
    calls.add("chooseSong " + songId);
    Song song = songs.stream().filter(s -> s.id().equals(songId)).findFirst().orElseThrow();
    RoomSnapshot s = snapshot;
    List<Pitch> unheld = new ArrayList<>(song.pitches());
    s.players().forEach(p -> unheld.removeAll(p.bells()));
    publish(new RoomSnapshot(s.code(), s.phase(), song, s.players(), unheld, null,
        s.performance(), s.results()));
  }

  @Override
  public void start() {
    calls.add("start");
    if (refusal != null) {
      throw new IllegalStateException(refusal);
    }
    RoomSnapshot s = snapshot;
    Performance performance =
        performance(s.song(), clock.nowMs() + COUNT_IN_MS, s.players());
    publish(inPhase(Phase.COUNT_IN, performance, null));
  }

  @Override
  public void stop() {
    calls.add("stop");
    publish(inPhase(Phase.LOBBY, null, null));
  }

  @Override
  public void backToLobby() {
    calls.add("backToLobby");
    publish(inPhase(Phase.LOBBY, null, null));
  }

  @Override
  public void addListener(RoomListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RoomListener listener) {
    listeners.remove(listener);
  }

  private void onRoomThread(Runnable work) {
    try {
      roomThread.submit(work).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the fake room's listeners failed: " + e, e);
    }
  }
}
