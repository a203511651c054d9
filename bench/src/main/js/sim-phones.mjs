// Simulated phones for the benchmark: many phones in one Node process, each running the phone
// page's own modules (clock-sync.js, sync-loop.js, connection.js, store.js) with a clock of its
// own, offset by seconds and drifting by up to a few hundred ppm. The true instant of anything
// a phone does is read on process.hrtime, the same CLOCK_MONOTONIC the console's
// System.nanoTime() reads, so it converts exactly to room-clock ms.
//
// Driven by JSON lines on stdin; answers with JSON lines on stdout. Reports are buffered and
// sent only when asked for, so no phone writes anything near a start instant.

import { createInterface } from 'node:readline';
import { createClockSync } from '../../../../phone-web/www/clock-sync.js';
import { createSyncLoop, scheduleStart } from '../../../../phone-web/www/sync-loop.js';
import { createConnection } from '../../../../phone-web/www/connection.js';
import { applyMessage, initialState } from '../../../../phone-web/www/store.js';
import { seededRandom } from '../../../../phone-web/test/sim.js';

const ORIGIN = BigInt(process.argv[2] ?? '0');
const trueNow = () => Number(process.hrtime.bigint() - ORIGIN) / 1e6;
const JOIN_TIMEOUT_MS = 60000;

const phones = [];
let plan = { events: [400, 1200], jitterMs: 300, everyMs: 0 };

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

function memoryStorage() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
}

function createPhone({ index, url, room, random, maxOffsetMs, maxDriftPpm }) {
  const offset = (random() * 2 - 1) * maxOffsetMs;
  const drift = (random() * 2 - 1) * maxDriftPpm * 1e-6;
  const now = () => (trueNow() - offset) * (1 + drift);
  const clock = createClockSync({ now });
  let state = initialState({ room, name: `sim-${index}` });
  const log = { goes: {}, starts: [], events: [], rings: {} };
  const timers = new Set();
  let cancelStart = () => {};

  const phone = { index, offset, drift, clock, log, openedAt: NaN, welcomedAt: NaN };

  const connection = createConnection({
    url,
    createSocket: (to) => new WebSocket(to),
    storage: memoryStorage(),
    random,
    onOpen: () => {
      if (Number.isNaN(phone.openedAt)) phone.openedAt = trueNow();
      loop.restart();
    },
    onMessage: receive,
  });
  const loop = createSyncLoop({
    clock,
    now,
    send: (msg) => connection.send(msg),
    joined: () => connection.joined(),
    playing: () => state.phase === 'countin' || state.phase === 'playing',
  });

  function receive(msg) {
    const arrived = trueNow();
    if (msg.type === 'bench-go') {
      log.goes[msg.round] = { at: arrived, sent: msg.sent };
      goArrived(msg.round);
      return;
    }
    if (msg.type === 'bench-ping') {
      connection.send({ type: 'bench-pong', n: msg.n });
      return;
    }
    if (msg.type === 'sync') {
      loop.accept(msg);
      return;
    }
    if ((msg.type === 'judged' || msg.type === 'stray') && Number.isInteger(msg.ring)) {
      const ring = log.rings[msg.ring];
      if (ring && Number.isNaN(ring.answeredAt)) {
        ring.answeredAt = arrived;
        ring.judgedOffset = msg.offset ?? null;
        const note = state.song && state.notes.find((n) => n.id === msg.note);
        ring.noteAt = note ? state.song.at + note.ms : null;
      }
    }
    state = applyMessage(state, msg);
    if (msg.type === 'welcome' && Number.isNaN(phone.welcomedAt)) {
      phone.welcomedAt = arrived;
      joinedOne();
    }
    if (msg.type === 'start' && state.song) {
      songScheduled(state.song);
    } else if (msg.type === 'stop' || msg.type === 'end') {
      cancelAll();
    }
  }

  function songScheduled(song) {
    cancelAll();
    loop.burst();
    cancelStart = scheduleStart({
      clock,
      now,
      at: song.at,
      onStart: () => {
        const fired = trueNow();
        log.starts.push({ at: song.at, fired, believed: clock.toConsole(now()) });
      },
    });
    const offsets = [];
    if (plan.everyMs > 0) {
      for (let t = plan.everyMs; t < song.durationMs; t += plan.everyMs) offsets.push(t);
    } else {
      offsets.push(...plan.events);
    }
    for (const base of offsets) {
      const target = song.at + base + random() * plan.jitterMs;
      const cancel = scheduleStart({
        clock, now, at: target, onStart: () => { timers.delete(cancel); ring(song, target); },
      });
      timers.add(cancel);
    }
  }

  function ring(song, target) {
    const fired = trueNow();
    const stamp = clock.toConsole(now());
    const bell = state.bells[0]?.pitch;
    const msg = connection.ring({ at: stamp, bell, source: 'tap' });
    log.rings[msg.id] = { answeredAt: NaN };
    log.events.push({
      songAt: song.at, target, fired, stamp, id: msg.id,
      uncertainty: clock.stats().uncertainty,
    });
  }

  function cancelAll() {
    cancelStart();
    for (const cancel of timers) cancel();
    timers.clear();
  }

  phone.start = () => {
    connection.open();
    connection.join(room, `sim-${index}`);
  };
  phone.close = () => {
    cancelAll();
    loop.stop();
    connection.close();
  };
  phone.report = () => {
    const events = log.events.map((e) => ({ ...e, ...log.rings[e.id] }));
    const out = {
      index, offset, drift, goes: log.goes, starts: log.starts, events,
      stats: clock.stats(),
    };
    log.goes = {};
    log.starts = [];
    log.events = [];
    log.rings = {};
    return out;
  };
  return phone;
}

const goCounts = new Map();
function goArrived(round) {
  const n = (goCounts.get(round) ?? 0) + 1;
  goCounts.set(round, n);
  if (n === phones.length) emit({ ev: 'go', round, n });
}

let joinWaiter = null;
function joinedOne() {
  if (joinWaiter && phones.every((p) => !Number.isNaN(p.welcomedAt))) {
    const w = joinWaiter;
    joinWaiter = null;
    clearTimeout(w.timer);
    w.finish();
  }
}

function spawnPhones({
  url, count, first = 0, seed, room, maxOffsetMs = 5000, maxDriftPpm = 200,
}) {
  const random = seededRandom(seed);
  const spawnedAt = trueNow();
  for (let i = 0; i < count; i++) {
    const phoneRandom = seededRandom(Math.floor(random() * 2 ** 32));
    phones.push(createPhone({
      index: first + i, url, room, random: phoneRandom, maxOffsetMs, maxDriftPpm,
    }));
  }
  const finish = () => {
    const welcomed = phones.filter((p) => !Number.isNaN(p.welcomedAt));
    emit({
      ev: 'joined',
      count: welcomed.length,
      wanted: count,
      spawnedAt,
      joinMs: welcomed.map((p) => p.welcomedAt - spawnedAt),
    });
  };
  const timer = setTimeout(() => {
    joinWaiter = null;
    finish();
  }, JOIN_TIMEOUT_MS);
  joinWaiter = { finish, timer };
  for (const p of phones) p.start();
}

const commands = {
  hello: (c) => emit({ ev: 'hello', consoleMs: trueNow(), sentMs: c.consoleMs }),
  spawn: (c) => spawnPhones(c),
  plan: (c) => {
    plan = { ...plan, ...c.plan };
    emit({ ev: 'plan', plan });
  },
  collect: () => emit({ ev: 'collected', phones: phones.map((p) => p.report()) }),
  quit: () => {
    for (const p of phones) p.close();
    emit({ ev: 'bye' });
    setTimeout(() => process.exit(0), 200);
  },
};

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  const run = commands[c.cmd];
  if (!run) {
    emit({ ev: 'error', message: `unknown command '${c.cmd}'; known: ${Object.keys(commands)}` });
    return;
  }
  run(c);
});
// The parent going away must not leave phones running.
input.on('close', () => process.exit(0));
