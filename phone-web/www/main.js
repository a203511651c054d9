// Wires the page: socket, clock, motion, sound and screens. Each piece lives in its own module.

import { createClockSync } from './clock-sync.js';
import { createConnection, socketUrl } from './connection.js';
import { createShakeDetector, sampleFromMotionEvent } from './shake.js';
import { ringBell } from './bell-voice.js';
import { applyMessage, createStore, initialState, nearestOpenNote } from './store.js';
import { countdownText, createRenderer } from './render.js';
import { createHighway } from './highway.js';
import { installPreview } from './preview.js';

const BURST = 12;
const BURST_GAP_MS = 30;
const LOBBY_SYNC_MS = 250;
const PLAYING_SYNC_MS = 1000;
const SYNCSTATE_MIN_GAP_MS = 500;
// The coarse start timer wakes this early; a second, short timer lands on the instant.
const START_LEAD_MS = 30;
const LATE_START_LIMIT_MS = 1000;
const NAME_KEY = 'peal.name';

const storage = safeStorage();
const params = new URLSearchParams(location.search);
const clock = createClockSync({ now: () => performance.now() });
const store = createStore(initialState({
  room: (params.get('room') ?? '').toUpperCase().slice(0, 4),
  name: storage?.getItem(NAME_KEY) ?? '',
}));
const motionPossible = window.isSecureContext && typeof window.DeviceMotionEvent === 'function';
const detector = createShakeDetector();
let audio = null;
let burstLeft = BURST;
let syncTimer = null;
let lastSyncState = -Infinity;
let startTimer = null;
let frameRunning = false;

Object.defineProperty(window, 'peal', {
  value: Object.freeze({ clock, get state() { return store.get(); } }),
  writable: false,
  configurable: false,
});

const renderer = createRenderer({
  doc: document,
  store,
  onBellTap: (pitch, t) => ring('tap', t, pitch),
});
const highway = createHighway(document.querySelector('[data-highway]'));

const form = document.querySelector('form[data-join]');
form.elements.room.value = store.get().room;
form.elements.name.value = store.get().name;

const connection = createConnection({
  url: socketUrl(location),
  storage,
  onOpen: startSyncing,
  onStatus: (status) => store.update({ connection: status }),
  onMessage: receive,
});

store.subscribe((state) => {
  if ((state.phase === 'countin' || state.phase === 'playing') && state.song && !frameRunning) {
    frameRunning = true;
    requestAnimationFrame(frame);
  }
});

if (!motionPossible) {
  store.update({ notice: 'Shaking needs the secure (https) link — tap your bell to ring.' });
}

if (params.has('preview')) {
  installPreview({ store, clock, params, highway });
} else {
  connection.open();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const room = form.elements.room.value.trim().toUpperCase();
  const name = form.elements.name.value.trim();
  if (!/^[A-Z]{4}$/.test(room)) {
    store.update({ error: `Room code "${room}" should be 4 letters, like ABCD.` });
    return;
  }
  storage?.setItem(NAME_KEY, name);
  store.update({ room, name, error: '' });
  connection.join(room, name);
});

document.querySelector('[data-action=enable]').addEventListener('click', enable);

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && store.get().enabled) requestWakeLock();
});

function receive(msg) {
  if (msg.type === 'sync') {
    acceptSync(msg);
    return;
  }
  const state = applyMessage(store.get(), msg);
  const heard = msg.type === 'judged' || msg.type === 'stray';
  const stamped = heard && clock.stats().samples > 0;
  store.update(stamped ? { ...state, lastVerdictAt: clock.consoleNow() } : state);

  if ((msg.type === 'start' || (msg.type === 'welcome' && msg.song)) && state.song) {
    scheduleStart(state.song);
  } else if (msg.type === 'stop' || msg.type === 'end') {
    clearTimeout(startTimer);
  }
  if (msg.type === 'judged') {
    window.dispatchEvent(new CustomEvent('peal:judged', { detail: msg }));
  }
}

function startSyncing() {
  burstLeft = BURST;
  clearTimeout(syncTimer);
  syncTick();
}

function syncTick() {
  connection.send(clock.request());
  const phase = store.get().phase;
  let wait = phase === 'countin' || phase === 'playing' ? PLAYING_SYNC_MS : LOBBY_SYNC_MS;
  if (burstLeft > 0) {
    burstLeft--;
    wait = BURST_GAP_MS;
  }
  syncTimer = setTimeout(syncTick, wait);
}

function acceptSync(msg) {
  if (!clock.accept(msg)) return;
  const stats = clock.stats();
  store.update({ sync: stats });
  const now = performance.now();
  const burstOver = burstLeft === 0;
  if (connection.joined() && burstOver && now - lastSyncState >= SYNCSTATE_MIN_GAP_MS) {
    lastSyncState = now;
    connection.send({
      type: 'syncstate',
      offset: stats.offset,
      uncertainty: stats.uncertainty,
      rtt: stats.rtt,
      samples: stats.samples,
    });
  }
}

function scheduleStart(song) {
  clearTimeout(startTimer);
  const arm = () => {
    if (!clock.stats().samples) {
      startTimer = setTimeout(arm, 50);
      return;
    }
    const localAt = clock.toLocal(song.at);
    const remaining = localAt - performance.now();
    if (remaining > START_LEAD_MS) {
      startTimer = setTimeout(arm, remaining - START_LEAD_MS);
    } else if (remaining > 0.3) {
      startTimer = setTimeout(arm, remaining);
    } else {
      songStarts(song, -remaining);
    }
  };
  arm();
}

function songStarts(song, lateMs) {
  if (lateMs < LATE_START_LIMIT_MS) {
    const detail = { at: song.at, localAt: performance.now() };
    window.dispatchEvent(new CustomEvent('peal:songstart', { detail }));
  }
  if (store.get().phase === 'countin') store.update({ phase: 'playing' });
}

function frame() {
  const state = store.get();
  if (!(state.phase === 'countin' || state.phase === 'playing') || !state.song) {
    frameRunning = false;
    renderer.setCountdown('');
    return;
  }
  if (clock.stats().samples) {
    const now = clock.consoleNow();
    highway.draw(state, now);
    renderer.setCountdown(countdownText(state.song, now));
  }
  requestAnimationFrame(frame);
}

async function enable() {
  const notes = [];
  // iOS only grants motion from inside the tap itself, so ask before anything else awaits.
  const permission = motionPossible && typeof DeviceMotionEvent.requestPermission === 'function'
    ? DeviceMotionEvent.requestPermission().catch(() => 'denied')
    : Promise.resolve(motionPossible ? 'granted' : 'unavailable');
  try {
    audio ??= new (window.AudioContext || window.webkitAudioContext)();
    await audio.resume();
  } catch {
    notes.push('Sound could not start; your bell will be silent here.');
  }
  requestWakeLock();

  const motion = await permission;
  if (motion === 'granted') {
    window.addEventListener('devicemotion', onMotion);
  } else if (motion === 'unavailable') {
    notes.push('Shaking needs the secure (https) link — tap your bell to ring.');
  } else {
    notes.push('Motion was not allowed — tap your bell to ring.');
  }
  store.update({ enabled: true, motion: motion === 'granted', notice: notes.join(' ') });
}

async function requestWakeLock() {
  try {
    // The lock drops whenever the page is hidden; visibilitychange asks again.
    await navigator.wakeLock?.request('screen');
  } catch {
    store.update({ notice: 'The screen may dim: keep tapping it now and then.' });
  }
}

function onMotion(event) {
  const now = performance.now();
  // Event stamps share performance.now()'s origin in current browsers; distrust any that don't.
  const t = Math.abs(event.timeStamp - now) < 1000 ? event.timeStamp : now;
  const hit = detector.push(sampleFromMotionEvent(event, t));
  if (hit) ring('shake', hit.t);
}

function ring(source, localT, tappedPitch) {
  const state = store.get();
  if (!state.joined || !state.enabled) return;
  const synced = clock.stats().samples > 0;
  const at = synced ? clock.toConsole(localT) : null;
  const pitch = tappedPitch ?? chooseBell(state, at);
  const bell = state.bells.find((b) => b.pitch === pitch);

  if (audio && bell) ringBell(audio, { frequency: bell.frequency });
  navigator.vibrate?.(25);
  if (pitch) renderer.flashBell(pitch);
  if (!synced) return;

  const msg = connection.ring({ at, bell: pitch, source });
  window.dispatchEvent(new CustomEvent('peal:ring', { detail: msg }));
}

function chooseBell(state, at) {
  if (state.bells.length < 2) return state.bells[0]?.pitch;
  return nearestOpenNote(state, at)?.bell ?? state.bells[0].pitch;
}

function safeStorage() {
  try {
    const s = window.localStorage;
    s.getItem('peal.probe');
    return s;
  } catch {
    return null;
  }
}
