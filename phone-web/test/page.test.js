// The whole page in headless Chromium against a fake console on 127.0.0.1.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { startFakeConsole } from './fake-console.js';
import { openPage } from './browser.js';

const BELLS = [
  { pitch: 'C#5', name: 'C♯5', midi: 73, color: '#ff7a59', frequency: 554.37 },
  { pitch: 'A5', name: 'A5', midi: 81, color: '#4cc9f0', frequency: 880 },
];

let fake;
let page;

before(async () => {
  fake = await startFakeConsole({
    onMessage(msg, phone) {
      if (msg.type === 'join') {
        phone.send({
          type: 'welcome', player: 4, token: 'tok-4', name: msg.name, room: 'ABCD',
          bells: BELLS, state: 'lobby',
        });
      }
    },
  });
  page = await openPage(`${fake.url}?room=ABCD`);
});

after(async () => {
  await page?.close();
  await fake?.close();
});

const body = (key) => `document.body.dataset.${key}`;
const text = (selector) => `document.querySelector(${JSON.stringify(selector)}).textContent`;
const joins = () => fake.received.filter((r) => r.msg.type === 'join').map((r) => r.msg);

test('page_fullSession_followsTheProtocol', async () => {
  await page.waitFor(`${body('screen')} === 'join' && ${body('connection')} === 'open'`);
  assert.equal(await page.evaluate('document.querySelector("input[name=room]").value'), 'ABCD');

  await page.evaluate(`(() => {
    document.querySelector('form[data-join] input[name=name]').value = 'Ada';
    document.querySelector('form[data-join] button').click();
  })()`);
  await page.waitFor(`${body('screen')} === 'ready'`);
  assert.deepEqual(joins()[0], { type: 'join', room: 'ABCD', name: 'Ada' });
  assert.equal(await page.evaluate('localStorage.getItem("peal.name")'), 'Ada');

  await page.evaluate('document.querySelector("button[data-action=enable]").click()');
  await page.waitFor(`${body('screen')} === 'lobby'`);
  await page.waitFor(`${body('sync')} === 'synced'`);
  await page.waitFor('document.querySelector(\'[data-bell="C#5"]\')');
  const offset = await page.evaluate('window.peal.clock.stats().offset');
  assert.ok(Number.isFinite(offset));
  await waitUntil(() => fake.received.some((r) => r.msg.type === 'syncstate'));
  const syncstate = fake.received.find((r) => r.msg.type === 'syncstate').msg;
  assert.deepEqual(Object.keys(syncstate).sort(),
    ['offset', 'rtt', 'samples', 'type', 'uncertainty']);

  // Start a song 1.5 s ahead: the page must fire peal:songstart on its synced clock.
  await page.evaluate(`(() => {
    window.__events = [];
    for (const type of ['peal:songstart', 'peal:ring', 'peal:judged']) {
      window.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  })()`);
  const at = fake.consoleNow() + 1500;
  fake.broadcast({
    type: 'start', at, countInMs: 1000, title: 'Test Peal', bpm: 120, beatsPerBar: 4,
    durationMs: 4000, bells: BELLS, lastRingId: -1,
    notes: [{ id: 1, bell: 'C#5', ms: 0 }, { id: 2, bell: 'A5', ms: 500 }],
  });
  await page.waitFor(`${body('screen')} === 'countin'`, 1400);
  await page.waitFor(`${body('screen')} === 'playing'`, 3000);
  const start = await page.evaluate(`(() => {
    const e = window.__events.find((x) => x.type === 'peal:songstart');
    return { at: e.detail.at, error: window.peal.clock.toConsole(e.detail.localAt) - e.detail.at };
  })()`);
  assert.equal(start.at, at);
  // Timer lateness on a busy machine is the floor here, not the clock estimate.
  assert.ok(Math.abs(start.error) < 50, `song start ${start.error} ms off its instant`);

  // A tap rings that bell, stamped on the console's clock.
  await page.evaluate(`document.querySelector('[data-bell="C#5"]')
    .dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))`);
  await waitUntil(() => fake.received.some((r) => r.msg.type === 'ring'));
  const ring = fake.received.find((r) => r.msg.type === 'ring');
  assert.deepEqual({ ...ring.msg, at: 0 },
    { type: 'ring', id: 0, at: 0, bell: 'C#5', source: 'tap' });
  const lag = ring.arrivedAt - ring.msg.at;
  assert.ok(lag >= -5 && lag < 250, `ring stamped ${lag} ms before it arrived`);

  fake.broadcast({ type: 'judged', note: 1, bell: 'C#5', verdict: 'perfect', offset: 8, ring: 0 });
  fake.broadcast({ type: 'stray', ring: 7, at, reason: 'too early' });
  // The two answers may be drawn in different frames: wait for both, not just the first.
  await page.waitFor(`${text('[data-count=perfect]')} === '1'
    && ${text('[data-count=stray]')} === '1'`);
  assert.equal(await page.evaluate(text('[data-count=miss]')), '0');
  const seen = await page.evaluate('window.__events.map((e) => e.type)');
  assert.deepEqual(seen, ['peal:songstart', 'peal:ring', 'peal:judged']);


  // A handbell stroke through devicemotion rings the bell whose next open note is nearest.
  await page.evaluate(`new Promise((done) => {
    let i = 0;
    const tick = () => {
      const y = i >= 10 && i < 16 ? 26 * Math.sin(Math.PI * (i - 9) / 7) : 0.1;
      window.dispatchEvent(new DeviceMotionEvent('devicemotion', {
        acceleration: { x: 0, y, z: 0 },
        accelerationIncludingGravity: { x: 0, y, z: 9.81 },
        rotationRate: { alpha: 0, beta: 0, gamma: 0 },
        interval: 16,
      }));
      if (++i < 40) setTimeout(tick, 16); else done();
    };
    tick();
  })`);
  await waitUntil(() => fake.received.some((r) => r.msg.type === 'ring' && r.msg.id === 1));
  const shake = fake.received.filter((r) => r.msg.type === 'ring');
  assert.equal(shake.length, 2, 'one stroke, one ring');
  assert.equal(shake[1].msg.source, 'shake');
  assert.equal(shake[1].msg.bell, 'A5');

  if (process.env.PEAL_SCREENSHOT) {
    writeFileSync(process.env.PEAL_SCREENSHOT, await page.screenshot());
  }

  // Losing the socket shows the banner, then the page rejoins with its token.
  fake.dropAll();
  await page.waitFor(`${body('connection')} === 'reconnecting'`, 2000);
  await page.waitFor(`${body('connection')} === 'open'`, 4000);
  await waitUntil(() => joins().length === 2);
  assert.deepEqual(joins()[1], { type: 'join', room: 'ABCD', name: 'Ada', token: 'tok-4' });

  fake.broadcast({ type: 'error', code: 'rate_limited', message: 'slow down: 40 messages/s' });
  await page.waitFor(`${text('[data-error]')} === 'slow down: 40 messages/s'`);

  fake.broadcast({
    type: 'end', accuracy: 0.5, choir: 0.75, perfect: 1, good: 0, miss: 1, stray: 1,
  });
  await page.waitFor(`${body('screen')} === 'results'`);
  assert.equal(await page.evaluate(text('[data-field=accuracy]')), '50%');
  assert.equal(await page.evaluate(text('[data-field=choir]')), '75%');
  assert.equal(await page.evaluate(text('[data-count=miss]')), '1');
});

async function waitUntil(check, timeoutMs = 3000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms: ${check}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('page_wrongRoom_showsErrorAndStaysOnJoin', async () => {
  const other = await openPage(`${fake.url}?room=WXYZ`);
  try {
    await other.waitFor(`${body('connection')} === 'open'`);

    await other.evaluate(`(() => {
      document.querySelector('form[data-join] input[name=name]').value = 'Bob';
      document.querySelector('form[data-join] button').click();
    })()`);

    await other.waitFor(`${text('[data-error]')} === 'no room WXYZ here'`);
    assert.equal(await other.evaluate(body('screen')), 'join');
  } finally {
    await other.close();
  }
});
