import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSyncLoop, scheduleStart } from '../www/sync-loop.js';

// Timers on a hand-driven clock: `run(ms)` fires everything due, in time order.
function fakeTime() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  return {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(1, ms), fn });
      return id;
    },
    clearTimer: (id) => timers.delete(id),
    run(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = until;
    },
  };
}

function fakeClock(offset, { samples = 1 } = {}) {
  return {
    request: () => ({ type: 'sync' }),
    accept: () => true,
    stats: () => ({ samples, offset, uncertainty: 2, rtt: 10 }),
    toLocal: (c) => c - offset,
  };
}

test('createSyncLoop_restart_burstsThenLobbyCadence', () => {
  const time = fakeTime();
  const sent = [];
  const loop = createSyncLoop({
    clock: fakeClock(0), now: time.now, send: (m) => sent.push(time.now()),
    joined: () => true, playing: () => false, setTimer: time.setTimer,
    clearTimer: time.clearTimer,
  });

  loop.restart();
  time.run(1000);

  // 13 requests in the first 360 ms, then one every 250 ms.
  assert.equal(sent.filter((t) => t <= 360).length, 13);
  assert.deepEqual(sent.filter((t) => t > 360), [610, 860]);
});

test('createSyncLoop_accept_reportsOnlyAfterBurstAndAtMostEvery500ms', () => {
  const time = fakeTime();
  const reports = [];
  const loop = createSyncLoop({
    clock: fakeClock(0), now: time.now,
    send: (m) => { if (m.type === 'syncstate') reports.push(time.now()); },
    joined: () => true, playing: () => true, setTimer: time.setTimer,
    clearTimer: time.clearTimer,
  });
  loop.restart();

  loop.accept({});
  time.run(400);
  for (let i = 0; i < 5; i++) {
    loop.accept({});
    time.run(200);
  }

  assert.deepEqual(reports, [400, 1000]);
});

test('scheduleStart_estimateMovesBeforeTheInstant_landsOnTheNewEstimate', () => {
  const time = fakeTime();
  const clock = fakeClock(1000);
  const fired = [];

  scheduleStart({
    clock, now: time.now, at: 3000, onStart: (late) => fired.push({ t: time.now(), late }),
    setTimer: time.setTimer, clearTimer: time.clearTimer,
  });
  time.run(1900);
  // A fresher sample moves the estimate 5 ms; the start follows it.
  clock.toLocal = (c) => c - 1005;
  time.run(500);

  assert.equal(fired.length, 1);
  assert.equal(fired[0].t, 1995);
});

test('scheduleStart_cancelled_neverFires', () => {
  const time = fakeTime();
  let fired = false;

  const cancel = scheduleStart({
    clock: fakeClock(0), now: time.now, at: 100, onStart: () => { fired = true; },
    setTimer: time.setTimer, clearTimer: time.clearTimer,
  });
  cancel();
  time.run(500);

  assert.equal(fired, false);
});

test('scheduleStart_noSamplesYet_waitsForTheClock', () => {
  const time = fakeTime();
  const clock = fakeClock(0, { samples: 0 });
  const fired = [];

  scheduleStart({
    clock, now: time.now, at: 300, onStart: () => fired.push(time.now()),
    setTimer: time.setTimer, clearTimer: time.clearTimer,
  });
  time.run(120);
  clock.stats = () => ({ samples: 3 });
  time.run(500);

  // The last timer is rounded up to whole ms, so the start is never early and under 1 ms late.
  assert.equal(fired.length, 1);
  assert.ok(fired[0] >= 300 && fired[0] < 301, `fired at ${fired[0]}`);
});

test('scheduleStart_fiveMinutesAheadOnAFastClock_notLate', () => {
  // The phone's clock runs 200 ppm fast against the timers' clock.
  const time = fakeTime();
  const phoneNow = () => time.now() * (1 + 200e-6);
  const clock = { ...fakeClock(0), toLocal: (c) => c };
  const fired = [];

  scheduleStart({
    clock, now: phoneNow, at: 300000, onStart: (late) => fired.push(late),
    setTimer: time.setTimer, clearTimer: time.clearTimer,
  });
  time.run(301000);

  assert.equal(fired.length, 1);
  assert.ok(fired[0] < 1, `started ${fired[0]} ms late`);
});

test('scheduleStart_secondsAhead_takesFewTimers', () => {
  // Browsers clamp the fifth nested timer to 4 ms: the approach must stay shallower than that.
  const time = fakeTime();
  let timers = 0;
  const setTimer = (fn, ms) => {
    timers++;
    return time.setTimer(fn, ms);
  };

  scheduleStart({
    clock: fakeClock(0), now: time.now, at: 3900, onStart: () => {},
    setTimer, clearTimer: time.clearTimer,
  });
  time.run(4000);

  assert.ok(timers <= 3, `${timers} timers`);
});
