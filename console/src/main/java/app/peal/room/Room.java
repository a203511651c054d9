package app.peal.room;

import app.peal.game.Judge;
import app.peal.game.Judgement;
import app.peal.game.Phase;
import app.peal.game.PlayerView;
import app.peal.game.Results;
import app.peal.game.RoomControl;
import app.peal.game.RoomListener;
import app.peal.game.RoomSnapshot;
import app.peal.game.ScheduledNote;
import app.peal.game.Score;
import app.peal.game.Verdict;
import app.peal.music.BellAssigner;
import app.peal.music.BellAssignment;
import app.peal.music.Pitch;
import app.peal.music.Song;
import app.peal.net.PhoneLink;
import app.peal.sync.RoomClock;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

/**
 * The room: players, the chosen song, who holds which bell, and the song under way. All state
 * lives on one thread of its own ({@link RoomThread}); phones' messages and the host's verbs are
 * queued onto it. It runs past 400 lines because it is one state machine: seats, bells and the
 * show change together under the same invariants, and splitting them would spread those apart.
 */
public final class Room implements RoomControl, AutoCloseable {
  /** Time from the host's Start to the count-in, so the start message reaches slow phones. */
  static final double LEAD_MS = 2500;
  /**
   * A phone is synced when its reported uncertainty, a hard bound of about half its shortest
   * round trip, is below this. The benchmark's party Wi-Fi keeps phones at 12-14 ms while their
   * real error stays under a third of the bound; 20 leaves room for a slower network and still
   * caps the error far inside the perfect window. See docs/benchmarks.md.
   */
  static final double SYNC_THRESHOLD_MS = 20;
  static final int SYNC_MIN_SAMPLES = 8;
  /** Rings may arrive this late (a reconnecting phone sends what it rang while offline). */
  static final double RING_MAX_AGE_MS = 30_000;
  /** Rings may claim to be this far in the future, to allow for sync error. */
  static final double RING_MAX_LEAD_MS = 250;
  /** A connected phone's ring may take this long to arrive (Wi-Fi stalls) and still count. */
  static final double RING_LAG_MS = 600;
  /** After a rejoin, the rings made while away arrive first; notes wait this long for them. */
  static final double REJOIN_GRACE_MS = 2000;
  static final double LOBBY_DROP_MS = 60_000;
  private static final long LOBBY_SWEEP_MS = 5_000;
  private static final long JUDGE_SWEEP_MS = 100;
  private static final long PUBLISH_DELAY_MS = 50;
  /** The results wait this long after the last note's window, for rings still on their way. */
  private static final double RESULTS_DELAY_MS = 1500;
  static final int MAX_PLAYERS = 300;
  private static final System.Logger LOG = System.getLogger(Room.class.getName());

  private final String code;
  private final RoomClock clock;
  private volatile List<Song> songs;
  private final ConsoleBells consoleBells;
  private final RoomThread thread;
  private final List<RoomListener> listeners = new CopyOnWriteArrayList<>();
  private final SecureRandom random = new SecureRandom();

  private final Map<String, Player> players = new LinkedHashMap<>();
  private final Map<String, Player> byToken = new HashMap<>();
  private final Map<Long, Player> byLink = new HashMap<>();
  /** Notes of the song under way that the console rings: nobody was dealt them, or is away. */
  private volatile Set<Integer> covered = Set.of();
  private int nextPlayer = 1;
  private Phase phase = Phase.LOBBY;
  private Song song;
  private BellAssignment assignment;
  private Show show;
  private Results results;
  private final List<ScheduledFuture<?>> showTasks = new ArrayList<>();
  private Runnable cancelBells = () -> {};
  private volatile RoomSnapshot snapshot;
  private boolean publishPending;
  private String lastLobbyMessage = "";

  public Room(String code, RoomClock clock, List<Song> songs, ConsoleBells consoleBells) {
    this.code = code;
    this.clock = clock;
    this.songs = List.copyOf(songs);
    this.consoleBells = consoleBells;
    this.thread = new RoomThread(clock);
    this.snapshot = buildSnapshot();
    thread.every(LOBBY_SWEEP_MS, this::dropLongGone);
  }

  public String code() {
    return code;
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
  public void addListener(RoomListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(RoomListener listener) {
    listeners.remove(listener);
  }

  /** Queues work onto the room's thread. */
  void execute(Runnable task) {
    thread.execute(task);
  }

  @Override
  public void close() {
    thread.close();
    cancelBells.run();
  }

  // ---- host verbs -----------------------------------------------------------------------------

  @Override
  public void addSong(Song added) {
    call(() -> {
      if (songs.stream().anyMatch(s -> s.id().equals(added.id()))) {
        throw new IllegalArgumentException("a song with id '" + added.id()
            + "' is already listed; give the new one another name");
      }
      List<Song> more = new ArrayList<>(songs);
      more.add(added);
      songs = List.copyOf(more);
      LOG.log(System.Logger.Level.INFO, "song added: {0}", added.title());
      return null;
    });
  }

  @Override
  public void chooseSong(String songId) {
    call(() -> {
      Song chosen = songs.stream().filter(s -> s.id().equals(songId)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no song with id '" + songId + "'"));
      if (phase == Phase.COUNT_IN || phase == Phase.PLAYING) {
        throw new IllegalStateException("stop the song under way before choosing another");
      }
      song = chosen;
      reassign();
      LOG.log(System.Logger.Level.INFO, "song chosen: {0}", chosen.title());
      return null;
    });
  }

  @Override
  public void start() {
    call(() -> {
      String reason = startBlockedReason();
      if (reason != null) {
        throw new IllegalStateException(reason);
      }
      begin();
      return null;
    });
  }

  @Override
  public void stop() {
    call(() -> {
      if (phase == Phase.COUNT_IN || phase == Phase.PLAYING) {
        endShow();
        phase = Phase.LOBBY;
        show = null;
        broadcast(Messages.stop("the host stopped the song"));
        reassign();
        LOG.log(System.Logger.Level.INFO, "song stopped by the host");
      }
      return null;
    });
  }

  @Override
  public void backToLobby() {
    call(() -> {
      if (phase == Phase.RESULTS) {
        phase = Phase.LOBBY;
        reassign();
      }
      return null;
    });
  }

  // ---- phone events (on the room thread) ----------------------------------------------------

  void join(PhoneLink link, String name, String token) throws ProtocolException {
    Player current = byLink.get(link.id());
    if (current != null) {
      if (current.token.equals(token)) {
        link.send(welcome(current));
        return;
      }
      throw new ProtocolException("already_joined", "this phone is in the room already as '"
          + current.name + "'; send leave first to join as someone else");
    }
    Player player;
    if (token != null) {
      player = byToken.get(token);
      if (player == null) {
        throw new ProtocolException("bad_token",
            "this phone's seat is no longer in the room; join again without a token");
      }
      if (player.link != null && player.link != link) {
        byLink.remove(player.link.id());
        player.link.close(4000, "the same player joined from another connection");
      }
      player.link = link;
      player.disconnectedAt = Double.NaN;
      player.graceUntil = clock.nowMs() + REJOIN_GRACE_MS;
      LOG.log(System.Logger.Level.INFO, "player {0} is back", player.name);
    } else {
      if (players.size() >= MAX_PLAYERS) {
        throw new ProtocolException("room_full", "the room has " + MAX_PLAYERS
            + " players already; ask the host to make room");
      }
      List<String> taken = players.values().stream().map(p -> p.name).toList();
      String unique = app.peal.game.PlayerNames.unique(name, taken);
      String newToken = HexFormat.of().formatHex(randomBytes());
      player = new Player("p" + nextPlayer++, newToken, unique, link);
      players.put(player.id, player);
      byToken.put(newToken, player);
      LOG.log(System.Logger.Level.INFO, "player {0} joined from {1}", unique, link.remote());
      if (phase == Phase.LOBBY || phase == Phase.RESULTS) {
        reassign();
      }
    }
    byLink.put(link.id(), player);
    updateCovered();
    link.send(welcome(player));
    changed();
  }

  void leave(PhoneLink link) throws ProtocolException {
    Player player = joined(link);
    byLink.remove(link.id());
    remove(player);
    LOG.log(System.Logger.Level.INFO, "player {0} left", player.name);
  }

  void disconnected(PhoneLink link) {
    Player player = byLink.remove(link.id());
    if (player == null || player.link != link) {
      return;
    }
    player.disconnectedAt = clock.nowMs();
    updateCovered();
    changed();
    LOG.log(System.Logger.Level.INFO, "player {0} disconnected; their seat is kept", player.name);
  }

  void syncState(PhoneLink link, double offset, double uncertainty, double rtt, int samples)
      throws ProtocolException {
    Player player = joined(link);
    player.offsetMs = offset;
    player.uncertaintyMs = uncertainty;
    player.rttMs = rtt;
    player.samples = samples;
    changed();
  }

  void ring(PhoneLink link, long ringId, double at, Pitch bell, double receivedAt)
      throws ProtocolException {
    Player player = joined(link);
    if (at > receivedAt + RING_MAX_LEAD_MS || at < receivedAt - RING_MAX_AGE_MS) {
      throw new ProtocolException("implausible_time", "ring " + ringId + " at " + Math.round(at)
          + " ms is " + Math.round(at - receivedAt) + " ms from its arrival; resync the clock");
    }
    if (!player.ringIds.add(ringId)) {
      return;
    }
    player.lastRingId = Math.max(player.lastRingId, ringId);

    if (show == null) {
      player.send(Messages.stray(ringId, at, "no song is playing"));
      return;
    }
    if (bell != null && !player.bells.contains(bell)) {
      player.send(Messages.stray(ringId, at, "you do not hold " + bell.displayName()));
      return;
    }
    Judgement j = show.judge.ring(player.id, bell, at);
    if (j.verdict() == Verdict.STRAY) {
      player.send(Messages.stray(ringId, at, "no note of yours near that moment"));
    } else {
      player.send(Messages.judged(j, ringId));
    }
    for (RoomListener l : listeners) {
      l.judged(j);
    }
    changed();
  }

  // ---- the song -------------------------------------------------------------------------------

  private void begin() {
    double countIn = song.msPerBeat() * song.beatsPerBar();
    double startAt = clock.nowMs() + LEAD_MS + countIn;
    show = new Show(song, assignment, startAt, id -> players.get(id).name);
    results = null;
    phase = Phase.COUNT_IN;
    updateCovered();

    for (Player p : players.values()) {
      p.send(Messages.toJson(show.startFields(p.id, p.bells, p.lastRingId)));
    }
    Show current = show;
    showTasks.add(thread.at(startAt, () -> {
      if (show == current) {
        phase = Phase.PLAYING;
        changed();
      }
    }));
    showTasks.add(thread.every(JUDGE_SWEEP_MS, this::sweep));
    showTasks.add(thread.at(show.endsAt + RESULTS_DELAY_MS, this::finish));
    cancelBells = consoleBells.schedule(show.performance.notes(),
        note -> covered.contains(note.id()));
    LOG.log(System.Logger.Level.INFO, "song {0} starts in {1} ms with {2} players",
        song.title(), Long.toString(Math.round(startAt - clock.nowMs())), players.size());
    changed();
  }

  private void sweep() {
    if (show == null) {
      return;
    }
    double now = clock.nowMs();
    for (Player p : players.values()) {
      // A phone that is away, or just back, may still send what it rang while away.
      boolean settled = p.connected() && now > p.graceUntil;
      double cutoff = settled ? now - RING_LAG_MS : now - RING_MAX_AGE_MS;
      report(p, show.judge.sweep(p.id, cutoff));
    }
  }

  private void finish() {
    if (show == null) {
      return;
    }
    for (Player p : players.values()) {
      report(p, show.judge.sweep(p.id, Double.POSITIVE_INFINITY));
    }
    endShow();
    results = buildResults();
    phase = Phase.RESULTS;
    for (Player p : players.values()) {
      p.send(Messages.end(show.judge.score(p.id), results.choir()));
    }
    LOG.log(System.Logger.Level.INFO, "song {0} finished; choir accuracy {1}%",
        show.song.title(), Math.round(results.choir().accuracy() * 100));
    show = null;
    changed();
  }

  private void report(Player p, List<Judgement> missed) {
    for (Judgement j : missed) {
      p.send(Messages.judged(j, -1));
      for (RoomListener l : listeners) {
        l.judged(j);
      }
    }
    if (!missed.isEmpty()) {
      changed();
    }
  }

  private void endShow() {
    showTasks.forEach(t -> t.cancel(false));
    showTasks.clear();
    cancelBells.run();
    cancelBells = () -> {};
  }

  private Results buildResults() {
    List<Results.PlayerResult> list = new ArrayList<>();
    for (Player p : players.values()) {
      list.add(new Results.PlayerResult(p.id, p.name, show.judge.score(p.id)));
    }
    list.sort(Comparator.comparingDouble((Results.PlayerResult r) -> -r.score().accuracy())
        .thenComparing(Results.PlayerResult::name));
    return new Results(show.song.title(), List.copyOf(list), show.judge.choir());
  }

  // ---- players and bells ----------------------------------------------------------------------

  private void remove(Player player) {
    players.remove(player.id);
    byToken.remove(player.token);
    if (show != null) {
      for (Pitch p : player.bells) {
        show.judge.release(player.id, p);
      }
      assignment = assignment.withoutPlayer(player.id);
      for (Player other : players.values()) {
        List<Pitch> now = assignment.bellsOf(other.id);
        if (!now.equals(other.bells)) {
          other.bells = now;
          other.send(Messages.bellsChanged(now));
        }
      }
    } else {
      reassign();
    }
    updateCovered();
    changed();
  }

  /** Deals the chosen song's bells afresh; only between songs, so nobody's bells move mid-song. */
  private void reassign() {
    List<String> ids = new ArrayList<>(players.keySet());
    assignment = song == null ? null : BellAssigner.assign(song, ids);
    for (Player p : players.values()) {
      List<Pitch> bells = assignment == null ? List.of() : assignment.bellsOf(p.id);
      if (!bells.equals(p.bells)) {
        p.bells = bells;
        p.send(Messages.bellsChanged(bells));
      }
    }
    updateCovered();
    changed();
  }

  /** The console rings a note when nobody was dealt it or its ringer is away or gone. */
  private void updateCovered() {
    if (show == null) {
      covered = Set.of();
      return;
    }
    Set<Integer> notes = new HashSet<>();
    for (ScheduledNote note : show.performance.notes()) {
      Player ringer = players.get(show.ringerOf(note.id()));
      if (ringer == null || !ringer.connected()) {
        notes.add(note.id());
      }
    }
    // Replaced whole, so the console's ringer thread never reads a half-built set.
    covered = Set.copyOf(notes);
  }

  private void dropLongGone() {
    if (phase != Phase.LOBBY && phase != Phase.RESULTS) {
      return;
    }
    double now = clock.nowMs();
    for (Player p : List.copyOf(players.values())) {
      if (!p.connected() && now - p.disconnectedAt > LOBBY_DROP_MS) {
        LOG.log(System.Logger.Level.INFO, "player {0} did not come back; their seat is freed",
            p.name);
        remove(p);
      }
    }
  }

  private String startBlockedReason() {
    if (phase == Phase.COUNT_IN || phase == Phase.PLAYING) {
      return "a song is under way";
    }
    if (song == null) {
      return "choose a song first";
    }
    List<String> waiting = new ArrayList<>();
    for (Player p : players.values()) {
      if (p.connected() && !p.synced(SYNC_THRESHOLD_MS, SYNC_MIN_SAMPLES)) {
        waiting.add(p.name);
      }
    }
    if (!waiting.isEmpty()) {
      return "waiting for " + String.join(", ", waiting) + " to sync";
    }
    return null;
  }

  private String welcome(Player p) {
    return Messages.welcome(p, code, phase,
        show == null ? null : show.startFields(p.id, p.bells, p.lastRingId));
  }

  // ---- publishing -----------------------------------------------------------------------------

  /** Coalesces bursts of changes (sync reports from many phones) into one snapshot. */
  private void changed() {
    if (!publishPending) {
      publishPending = true;
      thread.after(PUBLISH_DELAY_MS, this::publish);
    }
  }

  private void publish() {
    publishPending = false;
    RoomSnapshot s = buildSnapshot();
    snapshot = s;
    for (RoomListener l : listeners) {
      try {
        l.roomChanged(s);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "a room listener failed", e);
      }
    }
    if (phase == Phase.LOBBY || phase == Phase.RESULTS) {
      String lobby = Messages.lobby(s);
      if (!lobby.equals(lastLobbyMessage)) {
        lastLobbyMessage = lobby;
        broadcast(lobby);
      }
    }
  }

  private RoomSnapshot buildSnapshot() {
    List<PlayerView> views = new ArrayList<>();
    for (Player p : players.values()) {
      Score score = show != null ? show.judge.score(p.id) : Score.EMPTY;
      views.add(new PlayerView(p.id, p.name, p.bells, p.connected(), p.rttMs, p.uncertaintyMs,
          p.synced(SYNC_THRESHOLD_MS, SYNC_MIN_SAMPLES), score));
    }
    List<Pitch> console = assignment == null ? List.of() : List.copyOf(assignment.consoleBells());
    return new RoomSnapshot(code, phase, song, List.copyOf(views), console, startBlockedReason(),
        show == null ? null : show.performance, results);
  }

  // ---- plumbing -------------------------------------------------------------------------------

  private Player joined(PhoneLink link) throws ProtocolException {
    Player player = byLink.get(link.id());
    if (player == null) {
      throw new ProtocolException("not_joined", "join the room first");
    }
    return player;
  }

  private void broadcast(String json) {
    for (Player p : players.values()) {
      p.send(json);
    }
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Runs a host verb on the room's thread and waits for it. */
  private <T> T call(Callable<T> work) {
    // The host reads the snapshot right after a verb, before the coalesced publish comes round.
    return thread.call(() -> {
      T result = work.call();
      snapshot = buildSnapshot();
      return result;
    });
  }
}
