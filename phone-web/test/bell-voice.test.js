import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bellPartials, decaySeconds, midiToFrequency, ringBell } from '../www/bell-voice.js';

// Records what ringBell asks of the Web Audio graph.
function fakeContext({ currentTime = 0, sampleRate = 48000 } = {}) {
  const nodes = [];
  const param = () => {
    const calls = [];
    const record = (name) => (value, time) => calls.push({ name, value, time });
    return {
      calls,
      setValueAtTime: record('set'),
      linearRampToValueAtTime: record('linear'),
      exponentialRampToValueAtTime: record('exp'),
    };
  };
  return {
    nodes,
    currentTime,
    sampleRate,
    destination: { name: 'speakers' },
    createOscillator() {
      const node = { kind: 'osc', frequency: param(), connect: (to) => (node.to = to) };
      node.start = (t) => (node.started = t);
      node.stop = (t) => (node.stopped = t);
      nodes.push(node);
      return node;
    },
    createGain() {
      const node = { kind: 'gain', gain: param(), connect: (to) => (node.to = to) };
      nodes.push(node);
      return node;
    },
  };
}

test('midiToFrequency_knownNotes_equalTemperament', () => {
  assert.equal(midiToFrequency(69), 440);
  assert.ok(Math.abs(midiToFrequency(73) - 554.365) < 0.01);
  assert.ok(Math.abs(midiToFrequency(60) - 261.626) < 0.01);
  assert.throws(() => midiToFrequency('C4'), /midi note must be a number, got C4/);
});

test('bellPartials_c5_fundamentalStrongestAndTwelfthNext', () => {
  const partials = bellPartials(523.25);

  const byGain = [...partials].sort((a, b) => b.peak - a.peak);
  assert.equal(byGain[0].frequency, 523.25);
  assert.ok(Math.abs(byGain[1].frequency / 523.25 - 3) < 0.01);
  assert.ok(partials.every((p) => p.attack <= 0.01));
  assert.ok(partials.every((p, i) => i === 0 || p.decay < partials[0].decay));
});

test('decaySeconds_acrossHandbellRange_staysBetween1_5And2_5', () => {
  for (let midi = 48; midi <= 96; midi++) {
    const d = decaySeconds(midiToFrequency(midi));
    assert.ok(d >= 1.5 && d <= 2.5, `midi ${midi}: ${d}`);
  }
  assert.ok(decaySeconds(200) > decaySeconds(2000));
});

test('bellPartials_highBellLowRate_dropsPartialsAboveNyquist', () => {
  const partials = bellPartials(2093, { sampleRate: 22050 });

  assert.ok(partials.every((p) => p.frequency < 11025));
  assert.ok(partials.length >= 2);
});

test('ringBell_fakeContext_schedulesEveryPartialAtTheGivenTime', () => {
  const context = fakeContext({ currentTime: 1 });

  const end = ringBell(context, { frequency: 440, at: 2.5 });

  const oscs = context.nodes.filter((n) => n.kind === 'osc');
  const gains = context.nodes.filter((n) => n.kind === 'gain');
  assert.equal(oscs.length, bellPartials(440).length);
  assert.ok(oscs.every((o) => o.started === 2.5 && o.stopped > 2.6));
  assert.deepEqual(oscs.map((o) => o.frequency.calls[0].value),
    bellPartials(440).map((p) => p.frequency));
  assert.ok(gains.every((g) => g.to === context.destination));
  assert.deepEqual(gains[0].gain.calls.map((c) => c.name), ['set', 'linear', 'exp']);
  assert.ok(end >= 2.5 + decaySeconds(440));
});

test('ringBell_timeInThePast_startsNow', () => {
  const context = fakeContext({ currentTime: 10 });

  ringBell(context, { frequency: 880, at: 3 });

  assert.ok(context.nodes.filter((n) => n.kind === 'osc').every((o) => o.started === 10));
});
