import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, socketUrl } from '../www/connection.js';

class FakeSocket {
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.readyState = 0;
  }
  accept() {
    this.readyState = 1;
    this.onopen?.();
  }
  deliver(msg) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.drop();
  }
}

function memoryStorage() {
  const map = new Map();
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
  };
}

function harness(storage = memoryStorage()) {
  const sockets = [];
  const timers = [];
  const statuses = [];
  const messages = [];
  const connection = createConnection({
    url: 'wss://console.test:8443/ws',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    storage,
    setTimer: (fn, ms) => timers.push({ fn, ms }) - 1,
    clearTimer: () => {},
    random: () => 0.5,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
  });
  const fireTimer = () => timers.shift().fn();
  const last = () => sockets[sockets.length - 1];
  return { connection, sockets, timers, statuses, messages, storage, fireTimer, last };
}

const welcome = (extra = {}) => ({
  type: 'welcome', player: 3, token: 'tok-1', name: 'Ada', room: 'ABCD', bells: [],
  state: 'lobby', ...extra,
});

test('socketUrl_httpsAndHttp_matchesScheme', () => {
  assert.equal(socketUrl({ protocol: 'https:', host: '10.0.0.2:8443' }), 'wss://10.0.0.2:8443/ws');
  assert.equal(socketUrl({ protocol: 'http:', host: 'localhost:8080' }), 'ws://localhost:8080/ws');
});

test('join_afterOpen_sendsJoinAndStoresToken', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();

  h.connection.join('abcd', 'Ada');
  h.last().deliver(welcome());

  assert.deepEqual(h.last().sent, [{ type: 'join', room: 'ABCD', name: 'Ada' }]);
  assert.equal(h.storage.getItem('peal.token.ABCD'), 'tok-1');
  assert.deepEqual(h.statuses, ['open']);
  assert.equal(h.messages[0].type, 'welcome');
});

test('open_socketDrops_reconnectsWithBackoffCappedAt2s', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();

  const waits = [];
  for (let i = 0; i < 6; i++) {
    h.last().drop();
    waits.push(h.timers[0].ms);
    h.fireTimer();
  }

  assert.deepEqual(waits, [250, 500, 1000, 2000, 2000, 2000]);
  assert.equal(h.connection.status(), 'reconnecting');
  assert.equal(h.sockets.length, 7);
});

test('reconnect_afterJoin_rejoinsWithTokenAndSendsOfflineRings', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();
  h.connection.join('ABCD', 'Ada');
  h.last().deliver(welcome());
  const first = h.connection.ring({ at: 1000, bell: 'C5', source: 'tap' });
  h.last().deliver({ type: 'judged', note: 1, bell: 'C5', verdict: 'perfect', ring: first.id });

  h.last().drop();
  const offline = h.connection.ring({ at: 2000, source: 'shake' });
  h.fireTimer();
  h.last().accept();
  h.last().deliver(welcome({ state: 'playing', song: { lastRingId: -1 } }));

  assert.deepEqual(h.last().sent, [
    { type: 'join', room: 'ABCD', name: 'Ada', token: 'tok-1' },
    { type: 'ring', id: offline.id, at: 2000, source: 'shake' },
  ]);
  assert.equal(offline.id, first.id + 1);
  assert.equal(h.connection.status(), 'open');
});

test('welcome_lastRingIdKnown_doesNotResendOlderRings', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();
  h.connection.join('ABCD', 'Ada');
  h.last().deliver(welcome());
  h.last().drop();
  h.connection.ring({ at: 1, source: 'tap' });
  h.connection.ring({ at: 2, source: 'tap' });
  h.connection.ring({ at: 3, source: 'tap' });

  h.fireTimer();
  h.last().accept();
  h.last().deliver(welcome({ state: 'playing', song: { lastRingId: 1 } }));

  assert.deepEqual(h.last().sent.filter((m) => m.type === 'ring').map((m) => m.id), [2]);
  assert.deepEqual(h.connection.pendingRings(), [2]);
});

test('ring_afterPageReload_idsKeepIncreasing', () => {
  const storage = memoryStorage();
  const before = harness(storage);
  before.connection.open();
  before.last().accept();
  before.connection.join('ABCD', 'Ada');
  before.connection.ring({ at: 1, source: 'tap' });
  before.connection.ring({ at: 2, source: 'tap' });

  const after = harness(storage);
  after.connection.open();
  after.last().accept();
  after.connection.join('ABCD', 'Ada');
  const ring = after.connection.ring({ at: 3, source: 'tap' });

  assert.equal(ring.id, 2);
});

test('error_badToken_forgetsTokenAndJoinsAgain', () => {
  const storage = memoryStorage();
  storage.setItem('peal.token.ABCD', 'stale');
  const h = harness(storage);
  h.connection.open();
  h.last().accept();
  h.connection.join('ABCD', 'Ada');

  h.last().deliver({ type: 'error', code: 'bad_token', message: 'unknown token' });

  assert.deepEqual(h.last().sent, [
    { type: 'join', room: 'ABCD', name: 'Ada', token: 'stale' },
    { type: 'join', room: 'ABCD', name: 'Ada' },
  ]);
  assert.equal(h.messages[0].code, 'bad_token');
});

test('send_whileClosed_returnsFalse', () => {
  const h = harness();
  h.connection.open();

  assert.equal(h.connection.send({ type: 'sync', t0: 1 }), false);
  assert.equal(h.connection.status(), 'connecting');
});

test('close_stopsReconnecting', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();

  h.connection.close();

  assert.equal(h.timers.length, 0);
  assert.equal(h.sockets.length, 1);
});

test('join_tappedTwiceBeforeWelcome_sendsOneJoinButRetriesAfterError', () => {
  const h = harness();
  h.connection.open();
  h.last().accept();

  h.connection.join('ABCD', 'Ada');
  h.connection.join('ABCD', 'Ada');
  h.last().deliver({ type: 'error', code: 'room_full', message: 'full' });
  h.connection.join('ABCD', 'Ada');

  const joins = h.last().sent.filter((m) => m.type === 'join');
  assert.equal(joins.length, 2);
});
