// Wires the page: socket, clock, motion, sound and screens. Each piece lives in its own module.

import { createClockSync } from './clock-sync.js';
import { createSyncLoop, nearStart, scheduleStart as scheduleAt } from './sync-loop.js';
import { createConnection, socketUrl } from './connection.js';
import { createShakeDetector, sampleFromMotionEvent } from './shake.js';
import { ringBell } from './bell-voice.js';
import { applyMessage, createStore, initialState, nearestOpenNote } from './store.js';
import { countdownText, createRenderer } from './render.js';
import { createHighway } from './highway.js';
import { installPreview } from './preview.js';

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
let cancelStart = () => {};
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
  onOpen: () => syncLoop.restart(),
  onStatus: (status) => store.update({ connection: status }),
  onMessage: receive,
});
const syncLoop = createSyncLoop({
  clock,
  now: () => performance.now(),
  send: (msg) => connection.send(msg),
  joined: () => connection.joined(),
  playing: () => store.get().phase === 'countin' || store.get().phase === 'playing',
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
    cancelStart();
  }
  if (msg.type === 'judged') {
    window.dispatchEvent(new CustomEvent('peal:judged', { detail: msg }));
  }
}

function acceptSync(msg) {
  const stats = syncLoop.accept(msg);
  if (stats) store.update({ sync: stats });
}

function scheduleStart(song) {
  cancelStart();
  syncLoop.burst();
  cancelStart = scheduleAt({
    clock,
    now: () => performance.now(),
    at: song.at,
    onStart: (lateMs) => songStarts(song, lateMs),
  });
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
  const now = clock.stats().samples ? clock.consoleNow() : null;
  if (now !== null && !nearStart(now, state.song.at)) {
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
