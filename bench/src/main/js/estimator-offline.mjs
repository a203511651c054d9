// Offline check of the clock estimator alone: simulated time, no sockets, the delay model of
// the benchmark's profiles (floor + exponential tail, spikes, power-save holds, FIFO), many
// phones with random offsets and drifts. Prints |error - common bias| at the song start after a
// lobby of LOBBY seconds, and per minute of PLAY seconds of song, with the worst ratio of the
// whole error to the uncertainty the estimator reported (above 1: the bound was not honest).
//
//   node estimator-offline.mjs                  party-wifi, 40 s lobby, 200 phones
//   P=wifi LOBBY=20 PLAY=300 N=100 node estimator-offline.mjs
//   CS=/path/to/other/clock-sync.js node ...    compare another version of the estimator

import { seededRandom } from '../../../../phone-web/test/sim.js';

const estimator = process.env.CS ?? '../../../../phone-web/www/clock-sync.js';
const { createClockSync } = await import(estimator);

const PROFILES = {
  lan: { up: { floor: 1, tail: 1 }, down: { floor: 1, tail: 1 } },
  wifi: { up: { floor: 8, tail: 9 }, down: { floor: 5, tail: 8 } },
  'party-wifi': {
    up: { floor: 14, tail: 28, spike: 0.02 },
    down: { floor: 10, tail: 28, spike: 0.02, idle: 100, beacon: 102.4 },
  },
};
const profile = PROFILES[process.env.P ?? 'party-wifi'];
const phones = Number(process.env.N ?? 200);
const lobbyMs = Number(process.env.LOBBY ?? 40) * 1000;
const playMs = Number(process.env.PLAY ?? 0) * 1000;
const bias = (profile.up.floor - profile.down.floor) / 2;

function delayLine(random, { floor, tail, spike = 0, idle = 0, beacon = 0 }) {
  let last = -Infinity;
  const phase = random() * (beacon || 1);
  return (arrival, lastActivity) => {
    let ready = arrival;
    if (idle > 0 && arrival - lastActivity > idle) {
      ready = phase + Math.ceil((arrival - phase) / beacon) * beacon;
    }
    let delay = floor - Math.log(1 - random()) * tail;
    if (spike && random() < spike) delay += 100 + random() * 200;
    last = Math.max(last, ready + delay);
    return last;
  };
}

function runPhone(seed) {
  const random = seededRandom(seed);
  const offset = (random() * 2 - 1) * 5000;
  const drift = (random() * 2 - 1) * 200e-6;
  let t = 100000;
  const local = (c) => (c - offset) * (1 + drift);
  const clock = createClockSync({ now: () => local(t) });
  const up = delayLine(random, profile.up);
  const down = delayLine(random, profile.down);

  // The page's cadence: burst, lobby every 250 ms, a burst on `start`, 1 s while playing.
  const sends = [];
  for (let i = 0; i < 12; i++) sends.push(t + i * 30);
  const lobbyEnd = t + lobbyMs;
  for (let s = t + 360; s < lobbyEnd; s += 250) sends.push(s);
  for (let i = 0; i < 12; i++) sends.push(lobbyEnd + 100 + i * 30);
  const songAt = lobbyEnd + 4000;
  for (let s = lobbyEnd + 1000; s < songAt + playMs; s += 1000) sends.push(s);

  const events = sends.map((at) => ({ at, kind: 'send' }));
  events.push({ at: songAt, kind: 'check', minute: -1 });
  for (let m = 1; m * 60000 <= playMs; m++) {
    events.push({ at: songAt + m * 60000, kind: 'check', minute: m });
  }
  events.sort((a, b) => a.at - b.at);

  let lastActivity = -Infinity;
  const errors = [];
  while (events.length) {
    const e = events.shift();
    t = e.at;
    if (e.kind === 'send') {
      const req = clock.request();
      lastActivity = Math.max(lastActivity, t);
      const t1 = up(t, lastActivity) + 0.1;
      const t2 = t1 + 0.05;
      const t3 = down(t2, lastActivity);
      lastActivity = Math.max(lastActivity, t3);
      const answer = { at: t3, kind: 'answer', msg: { type: 'sync', t0: req.t0, t1, t2 } };
      const i = events.findIndex((x) => x.at > t3);
      events.splice(i < 0 ? events.length : i, 0, answer);
    } else if (e.kind === 'answer') {
      clock.accept(e.msg);
    } else {
      const raw = clock.toConsole(local(t)) - t;
      const ratio = Math.abs(raw) / clock.stats().uncertainty;
      errors.push({ minute: e.minute, error: Math.abs(raw - bias), ratio });
    }
  }
  return errors;
}

const all = [];
for (let k = 0; k < phones; k++) all.push(...runPhone(1000 + k));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
for (const minute of [...new Set(all.map((e) => e.minute))]) {
  const at = all.filter((e) => e.minute === minute);
  const xs = at.map((e) => e.error);
  const ratios = at.map((e) => e.ratio);
  const over = ratios.filter((r) => r > 1).length;
  const when = minute < 0 ? `start after ${lobbyMs / 1000} s lobby` : `minute ${minute}`;
  console.log(`${when}: |error - bias| p50 ${pct(xs, 50).toFixed(2)} p95 `
    + `${pct(xs, 95).toFixed(2)} max ${pct(xs, 100).toFixed(2)} ms (${xs.length} phones); `
    + `|error| / uncertainty max ${pct(ratios, 100).toFixed(2)}, above 1 for ${over}`);
}
