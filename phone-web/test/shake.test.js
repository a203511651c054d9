import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createShakeDetector, sampleFromMotionEvent } from '../www/shake.js';
import { seededRandom } from './sim.js';

const GRAVITY = { x: 0, y: 0, z: 9.81 };

// One handbell swing around `at` (the stroke's peak): a wind-up, the hard stroke, a rebound.
function swingAcceleration(dt, peak = 24) {
  if (dt > -220 && dt < -70) return -8 * Math.sin(Math.PI * (dt + 220) / 150);
  if (dt >= -50 && dt <= 50) return peak * Math.cos(Math.PI * dt / 100);
  if (dt > 50 && dt < 130) return 6 * Math.sin(Math.PI * (dt - 50) / 80);
  return 0;
}

function stream({ durationMs, motion, seed = 1, noise = 0.3, withGravity = false, rot }) {
  const random = seededRandom(seed);
  const samples = [];
  for (let t = 0; t < durationMs; t += 14 + random() * 6) {
    const a = motion(t);
    const jitter = () => (random() - 0.5) * 2 * noise;
    const lin = { x: a.x + jitter(), y: a.y + jitter(), z: a.z + jitter() };
    const rate = rot ? rot(t) : null;
    samples.push(withGravity
      ? { t, acc: null, accG: { x: lin.x, y: lin.y, z: lin.z + GRAVITY.z }, rot: rate }
      : { t, acc: lin, accG: null, rot: rate });
  }
  return samples;
}

function swingsAt(strokes, peak) {
  return (t) => {
    let y = 0;
    for (const s of strokes) y += swingAcceleration(t - s, peak);
    return { x: 0.2 * y, y, z: 0 };
  };
}

function rings(samples, options) {
  const detector = createShakeDetector(options);
  return samples.map((s) => detector.push(s)).filter(Boolean);
}

test('push_regularSwings_oneRingPerStrokeAtItsPeak', () => {
  const strokes = Array.from({ length: 10 }, (_, i) => 500 + i * 600);

  const found = rings(stream({ durationMs: 7000, motion: swingsAt(strokes) }));

  assert.equal(found.length, strokes.length);
  found.forEach((ring, i) => assert.ok(Math.abs(ring.t - strokes[i]) <= 20, `${ring.t}`));
});

test('push_fastSwingsEvery230ms_allRing', () => {
  const strokes = Array.from({ length: 12 }, (_, i) => 400 + i * 230);

  const found = rings(stream({ durationMs: 3400, motion: swingsAt(strokes), seed: 3 }));

  assert.equal(found.length, strokes.length);
});

test('push_gravityOnlyWithRotation_detectsStrokes', () => {
  const strokes = [800, 1600, 2400, 3200];
  const rot = (t) => {
    const near = strokes.some((s) => Math.abs(t - s) < 120);
    return { alpha: near ? 420 : 5, beta: 0, gamma: 0 };
  };

  const found = rings(stream({
    durationMs: 4000, motion: swingsAt(strokes, 16), withGravity: true, rot, seed: 5,
  }));

  assert.deepEqual(found.map((r) => Math.round(r.t / 800)), [1, 2, 3, 4]);
});

test('push_phoneLyingStill_neverRings', () => {
  const still = () => ({ x: 0, y: 0, z: 0 });

  const found = rings(stream({ durationMs: 30000, motion: still, withGravity: true, seed: 9 }));

  assert.equal(found.length, 0);
});

test('push_walkingInPocket_neverRings', () => {
  const walk = (t) => {
    const step = 2 * Math.PI * t / 550;
    return { x: 1.2 * Math.sin(step / 2), y: 0.8 * Math.cos(step), z: 3.8 * Math.sin(step) ** 3 };
  };
  const rot = (t) => ({ alpha: 40 * Math.sin(t / 300), beta: 60 * Math.cos(t / 250), gamma: 0 });

  const found = rings(stream({
    durationMs: 20000, motion: walk, withGravity: true, rot, noise: 0.8, seed: 13,
  }));

  assert.equal(found.length, 0);
});

test('push_strokeWithTwoHumps_ringsOnce', () => {
  const humps = (t) => {
    const y = swingAcceleration(t - 1000) + 0.9 * swingAcceleration(t - 1060);
    return { x: 0, y, z: 0 };
  };

  const found = rings(stream({ durationMs: 2000, motion: humps, seed: 17 }));

  assert.equal(found.length, 1);
});

test('createShakeDetector_lowAboveHigh_throws', () => {
  assert.throws(() => createShakeDetector({ low: 20, high: 10 }), /low threshold 20/);
});

test('sampleFromMotionEvent_partialEvent_fillsWhatExists', () => {
  const event = {
    acceleration: null,
    accelerationIncludingGravity: { x: 1, y: 2, z: 9 },
    rotationRate: { alpha: null, beta: 30, gamma: null },
  };

  const sample = sampleFromMotionEvent(event, 123);

  assert.deepEqual(sample, {
    t: 123, acc: null, accG: { x: 1, y: 2, z: 9 }, rot: { alpha: 0, beta: 30, gamma: 0 },
  });
});
