import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countdownText, viewModel } from '../www/render.js';
import { layoutNotes } from '../www/highway.js';
import { initialState } from '../www/store.js';

const song = { at: 10000, countInMs: 2000, title: 'Peal', bpm: 120, beatsPerBar: 4 };
const bells = [{ pitch: 'C5', color: '#111111' }, { pitch: 'G5', color: '#222222' }];

test('viewModel_syncedLobby_showsUncertaintyAndSummary', () => {
  const state = {
    ...initialState(), joined: true, enabled: true,
    sync: { offset: 1, uncertainty: 2.6, rtt: 8, samples: 30, synced: true },
    lobby: { song: 'Jingle', players: 1, synced: 1, canStart: true, waitingFor: [] },
  };

  const vm = viewModel(state);

  assert.equal(vm.screen, 'lobby');
  assert.equal(vm.view, 'play');
  assert.equal(vm.sync, 'synced');
  assert.equal(vm.syncText, 'In sync ±3 ms');
  assert.equal(vm.summary, 'Jingle · 1 player');
});

test('viewModel_notSynced_saysSyncing', () => {
  const vm = viewModel(initialState());

  assert.equal(vm.sync, 'syncing');
  assert.equal(vm.syncText, 'Syncing…');
  assert.equal(vm.view, 'join');
});

test('countdownText_acrossCountIn_countsBeatsDown', () => {
  const texts = [7000, 8100, 8600, 9100, 9600, 10100, 11000].map((t) => countdownText(song, t));

  assert.deepEqual(texts, ['Get ready…', '4', '3', '2', '1', 'Ring!', '']);
});

test('layoutNotes_upcomingAndPassedNotes_placedOnTheirLanes', () => {
  const notes = [
    { id: 1, bell: 'C5', ms: 0 },
    { id: 2, bell: 'G5', ms: 1200 },
    { id: 3, bell: 'C5', ms: 9000 },
    { id: 4, bell: 'X9', ms: 100 },
  ];

  const items = layoutNotes({ song, notes, bells, judged: { 1: { verdict: 'good' } } }, 10000);

  assert.deepEqual(items.map((i) => [i.id, i.lane, i.verdict]), [[1, 0, 'good'], [2, 1, null]]);
  assert.ok(Math.abs(items[0].y - 0.78) < 1e-9, 'a note due now sits on the play line');
  assert.ok(items[1].y < items[0].y, 'a later note is higher up');
});
