import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyMessage, createStore, initialState, nearestOpenNote, screenOf,
} from '../www/store.js';

const C5 = { pitch: 'C5', name: 'C5', midi: 72, color: '#e4572e', frequency: 523.25 };
const E5 = { pitch: 'E5', name: 'E5', midi: 76, color: '#17bebb', frequency: 659.26 };
const start = {
  type: 'start', at: 50000, countInMs: 2000, title: 'Peal', bpm: 120, beatsPerBar: 4,
  durationMs: 8000, bells: [C5, E5], lastRingId: -1,
  notes: [
    { id: 2, bell: 'E5', ms: 1000 }, { id: 1, bell: 'C5', ms: 0 }, { id: 3, bell: 'C5', ms: 1500 },
  ],
};

function fold(messages, state = initialState({ room: 'ABCD' })) {
  return messages.reduce(applyMessage, state);
}

test('screenOf_joinEnableStart_walksThroughScreens', () => {
  const welcomed = fold([{ type: 'welcome', player: 1, token: 't', bells: [C5], state: 'lobby' }]);
  const enabled = { ...welcomed, enabled: true };

  assert.equal(screenOf(initialState()), 'join');
  assert.equal(screenOf(welcomed), 'ready');
  assert.equal(screenOf(enabled), 'lobby');
  assert.equal(screenOf(applyMessage(enabled, start)), 'countin');
  assert.equal(screenOf(applyMessage(enabled, { type: 'end', accuracy: 1, choir: 1 })), 'results');
  assert.equal(screenOf(applyMessage(applyMessage(enabled, start), { type: 'stop' })), 'lobby');
});

test('applyMessage_judgedAndStray_countsEachOnce', () => {
  const state = fold([
    start,
    { type: 'judged', note: 1, bell: 'C5', verdict: 'perfect', offset: 12, ring: 0 },
    { type: 'judged', note: 1, bell: 'C5', verdict: 'perfect', offset: 12, ring: 0 },
    { type: 'judged', note: 2, bell: 'E5', verdict: 'miss' },
    { type: 'stray', ring: 5, at: 1, reason: 'too early' },
  ]);

  assert.deepEqual(state.counts, { perfect: 1, good: 0, miss: 1, stray: 1 });
  assert.equal(state.lastVerdict.verdict, 'stray');
});

test('applyMessage_start_sortsNotesAndResetsCounts', () => {
  const state = fold([{ type: 'stray', ring: 1 }, start]);

  assert.deepEqual(state.notes.map((n) => n.id), [1, 2, 3]);
  assert.deepEqual(state.counts, { perfect: 0, good: 0, miss: 0, stray: 0 });
  assert.equal(state.song.at, 50000);
});

test('applyMessage_welcomeMidSong_restoresSong', () => {
  const { type, ...song } = start;
  void type;

  const state = fold([{ type: 'welcome', player: 1, bells: [C5, E5], state: 'playing', song }]);

  assert.equal(state.phase, 'playing');
  assert.equal(state.notes.length, 3);
});

test('applyMessage_error_keepsMessageUntilWelcome', () => {
  const failed = fold([{ type: 'error', code: 'wrong_room', message: 'no room WXYZ here' }]);

  const welcomed = applyMessage(failed, { type: 'welcome', player: 1, bells: [] });

  assert.equal(failed.error, 'no room WXYZ here');
  assert.equal(failed.errorCode, 'wrong_room');
  assert.equal(welcomed.error, '');
});

test('nearestOpenNote_skipsJudgedNotes', () => {
  const state = fold([start, { type: 'judged', note: 2, bell: 'E5', verdict: 'good', offset: 90 }]);

  assert.equal(nearestOpenNote(state, 51100).id, 3);
  assert.equal(nearestOpenNote(state, 50100).id, 1);
  assert.equal(nearestOpenNote(initialState(), 1), null);
});

test('createStore_update_notifiesOnlyOnChange', () => {
  const store = createStore(initialState());
  const seen = [];
  store.subscribe((s) => seen.push(s.connection));

  store.update({ connection: 'open' });
  store.update((s) => s);

  assert.deepEqual(seen, ['open']);
});
