// The page's state: one plain object, changed only through `update`, announced to subscribers.
// `applyMessage` folds a console message into the state and knows nothing of the DOM or socket.

const EMPTY_COUNTS = Object.freeze({ perfect: 0, good: 0, miss: 0, stray: 0 });

export function initialState({ room = '', name = '' } = {}) {
  return {
    room,
    name,
    joined: false,
    enabled: false,
    phase: 'lobby',
    player: null,
    bells: [],
    lobby: null,
    song: null,
    judged: {},
    lastVerdict: null,
    counts: { ...EMPTY_COUNTS },
    results: null,
    sync: { offset: 0, uncertainty: Infinity, rtt: NaN, samples: 0, synced: false },
    connection: 'connecting',
    error: '',
    errorCode: '',
    notes: [],
  };
}

// join | ready | lobby | countin | playing | results
export function screenOf(state) {
  if (!state.joined) return 'join';
  if (!state.enabled) return 'ready';
  return state.phase;
}

export function applyMessage(state, msg) {
  switch (msg.type) {
    case 'welcome': {
      const next = {
        ...state,
        joined: true,
        player: msg.player,
        name: msg.name ?? state.name,
        room: msg.room ?? state.room,
        bells: msg.bells ?? [],
        phase: msg.state ?? 'lobby',
        error: '',
        errorCode: '',
      };
      return msg.song ? withSong(next, msg.song, msg.state ?? 'countin') : next;
    }
    case 'bells':
      return { ...state, bells: msg.bells ?? [] };
    case 'lobby':
      return {
        ...state,
        lobby: {
          song: msg.song ?? null,
          players: msg.players ?? 0,
          synced: msg.synced ?? 0,
          canStart: Boolean(msg.canStart),
          waitingFor: msg.waitingFor ?? [],
        },
      };
    case 'start':
      return withSong({
        ...state, counts: { ...EMPTY_COUNTS }, judged: {}, results: null, error: '', errorCode: '',
      }, msg, 'countin');
    case 'judged': {
      const verdict = msg.verdict;
      if (!(verdict in EMPTY_COUNTS) || state.judged[msg.note]) {
        return state;
      }
      const mark = { note: msg.note, bell: msg.bell, verdict, offset: msg.offset ?? null };
      return {
        ...state,
        judged: { ...state.judged, [msg.note]: mark },
        lastVerdict: mark,
        counts: { ...state.counts, [verdict]: state.counts[verdict] + 1 },
      };
    }
    case 'stray':
      return {
        ...state,
        lastVerdict: { verdict: 'stray', note: null, bell: null, offset: null },
        counts: { ...state.counts, stray: state.counts.stray + 1 },
      };
    case 'end':
      return {
        ...state,
        phase: 'results',
        results: { accuracy: msg.accuracy ?? 0, choir: msg.choir ?? 0 },
        counts: {
          perfect: msg.perfect ?? state.counts.perfect,
          good: msg.good ?? state.counts.good,
          miss: msg.miss ?? state.counts.miss,
          stray: msg.stray ?? state.counts.stray,
        },
      };
    case 'stop':
      return { ...state, phase: 'lobby', song: null, notes: [] };
    case 'error':
      return { ...state, error: msg.message || msg.code || 'error', errorCode: msg.code ?? '' };
    default:
      return state;
  }
}

function withSong(state, song, phase) {
  const notes = [...(song.notes ?? [])].sort((a, b) => a.ms - b.ms);
  return {
    ...state,
    phase,
    bells: song.bells ?? state.bells,
    song: {
      at: song.at,
      countInMs: song.countInMs ?? 0,
      title: song.title ?? '',
      bpm: song.bpm ?? 120,
      beatsPerBar: song.beatsPerBar ?? 4,
      durationMs: song.durationMs ?? 0,
    },
    notes,
  };
}

export function createStore(state) {
  let current = state;
  const listeners = new Set();
  return {
    get: () => current,
    // Accepts a partial object or a function of the current state.
    update(change) {
      const next = typeof change === 'function' ? change(current) : { ...current, ...change };
      if (next === current) {
        return;
      }
      current = next;
      for (const fn of listeners) fn(current);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

// The note (of any held bell) nearest to console time `at` that is not yet judged, or null.
export function nearestOpenNote(state, at) {
  if (!state.song) return null;
  let best = null;
  for (const note of state.notes) {
    if (state.judged[note.id]) continue;
    const distance = Math.abs(state.song.at + note.ms - at);
    if (!best || distance < best.distance) best = { note, distance };
  }
  return best?.note ?? null;
}
