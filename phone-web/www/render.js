// Draws the page from the state, at most once per animation frame. Anything a person typed
// (names, song titles) goes in through textContent only.

import { screenOf } from './store.js';

// Everything the page shows, derived from the state without touching the DOM.
export function viewModel(state) {
  const screen = screenOf(state);
  const sync = state.sync;
  const lobby = state.lobby;
  const summary = [];
  if (state.song && (state.phase === 'countin' || state.phase === 'playing')) {
    summary.push(state.song.title);
  } else if (lobby) {
    summary.push(lobby.song ? lobby.song : 'No song chosen yet');
    summary.push(`${lobby.players} ${lobby.players === 1 ? 'player' : 'players'}`);
  }
  return {
    screen,
    view: ['lobby', 'countin', 'playing'].includes(screen) ? 'play' : screen,
    sync: sync.synced ? 'synced' : 'syncing',
    syncText: sync.synced ? `In sync ±${Math.max(1, Math.round(sync.uncertainty))} ms`
      : 'Syncing…',
    connection: state.connection,
    error: state.error,
    summary: summary.join(' · '),
    hint: hintFor(state, screen),
    counts: state.counts,
    accuracy: state.results ? percent(state.results.accuracy) : '–',
    choir: state.results ? percent(state.results.choir) : '–',
    bellsKey: state.bells.map((b) => `${b.pitch}${b.color}`).join('|'),
  };
}

function hintFor(state, screen) {
  if (screen === 'lobby') {
    const waiting = state.lobby?.waitingFor ?? [];
    const shake = state.motion ? 'Swing your phone like a handbell' : 'Tap your bell';
    return waiting.length
      ? `${shake} to practise. Waiting for ${waiting.join(', ')}…`
      : `${shake} to practise. The host starts the song.`;
  }
  return '';
}

function percent(fraction) {
  return `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
}

// Count-in text for console time `now`: beats left before the song, then "Ring!".
export function countdownText(song, now) {
  if (!song) return '';
  const beatMs = 60000 / song.bpm;
  const untilStart = song.at - now;
  if (untilStart > song.countInMs) return 'Get ready…';
  if (untilStart > 0) return String(Math.ceil(untilStart / beatMs));
  return untilStart > -beatMs ? 'Ring!' : '';
}

export function createRenderer({ doc, store, onBellTap, raf = requestAnimationFrame }) {
  const body = doc.body;
  const $ = (selector) => doc.querySelector(selector);
  const fields = {};
  for (const el of doc.querySelectorAll('[data-field]')) {
    (fields[el.dataset.field] ??= []).push(el);
  }
  const setField = (name, text) => {
    for (const el of fields[name] ?? []) {
      if (el.textContent !== text) el.textContent = text;
    }
  };
  let pending = false;
  let drawnBells = null;

  function schedule() {
    if (!pending) {
      pending = true;
      raf(() => {
        pending = false;
        draw(store.get());
      });
    }
  }

  function draw(state) {
    const vm = viewModel(state);
    body.dataset.screen = vm.screen;
    body.dataset.sync = vm.sync;
    body.dataset.connection = vm.connection;
    body.dataset.view = vm.view;

    $('[data-error]').textContent = vm.error;
    setField('room', state.room ? `Room ${state.room}` : '');
    setField('name', state.name);
    setField('sync', vm.syncText);
    setField('summary', vm.summary);
    setField('hint', vm.hint);
    setField('accuracy', vm.accuracy);
    setField('choir', vm.choir);
    for (const [kind, n] of Object.entries(vm.counts)) {
      const el = $(`[data-count="${kind}"]`);
      if (el) el.textContent = String(n);
    }
    $('[data-notice]').textContent = state.notice ?? '';

    if (vm.bellsKey !== drawnBells) {
      drawnBells = vm.bellsKey;
      drawBells(state.bells);
    }
  }

  function drawBells(bells) {
    const box = $('[data-bells]');
    box.replaceChildren();
    box.dataset.many = String(Math.min(bells.length, 4));
    for (const bell of bells) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'bell';
      button.dataset.bell = bell.pitch;
      button.style.setProperty('--bell', bell.color);
      button.setAttribute('aria-label', `Ring ${bell.name}`);
      const shape = doc.createElement('span');
      shape.className = 'bell-shape';
      shape.setAttribute('aria-hidden', 'true');
      const name = doc.createElement('span');
      name.className = 'bell-name';
      name.textContent = bell.name;
      button.append(shape, name);
      button.addEventListener('pointerdown', (event) => {
        event.preventDefault();
        onBellTap(bell.pitch, event.timeStamp);
      });
      // Keyboard and assistive activation arrive as click with no pointerdown before it.
      button.addEventListener('click', (event) => {
        if (event.detail === 0) onBellTap(bell.pitch, event.timeStamp);
      });
      box.append(button);
    }
  }

  // A short visual strike on the bell that just rang.
  function flashBell(pitch) {
    const el = doc.querySelector(`[data-bell="${CSS.escape(pitch)}"]`);
    if (!el) return;
    el.classList.remove('ringing');
    void el.offsetWidth;
    el.classList.add('ringing');
  }

  store.subscribe(schedule);
  schedule();
  return { schedule, flashBell, setCountdown: (text) => setField('countdown', text) };
}
