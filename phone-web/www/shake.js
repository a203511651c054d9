// Handbell-swing detector: fed motion samples, it reports the instant of each strong stroke.
//
// The stroke of a handbell is a fast swing that stops hard, so the motion "intensity" (linear
// acceleration plus a share of rotation speed) spikes. A ring fires at the peak of a spike above
// `high`; the detector re-arms once the motion has settled below `low` for a moment, which lets a
// player ring again ~200 ms later without a swing's tail ringing twice.

const STANDARD_GRAVITY = 9.81;
const DEFAULTS = {
  high: 13, // m/s², intensity that counts as a stroke
  low: 6, // m/s², intensity that counts as settled
  settleMs: 40, // how long it must stay settled before re-arming
  minGapMs: 150, // never two rings closer than this
  maxRiseMs: 90, // a peak still rising after this long is reported anyway
  rotationWeight: 1 / 100, // (m/s²) per (deg/s): 500 deg/s of wrist flick adds 5
  gravityTauMs: 400, // low-pass time constant for the gravity estimate
};

export function createShakeDetector(options = {}) {
  const cfg = { ...DEFAULTS, ...options };
  if (!(cfg.low < cfg.high)) {
    throw new RangeError(`low threshold ${cfg.low} must be below high threshold ${cfg.high}`);
  }
  let gravity = null;
  let lastT = null;
  let armed = true;
  let quietSince = null;
  let lastRingT = -Infinity;
  let peak = null;

  function linearMagnitude(sample, dt) {
    if (sample.acc) {
      return magnitude(sample.acc);
    }
    const g = sample.accG;
    if (!gravity) {
      gravity = { ...g };
      return Math.abs(magnitude(g) - STANDARD_GRAVITY);
    }
    const k = Math.min(1, dt / cfg.gravityTauMs);
    for (const axis of ['x', 'y', 'z']) {
      gravity[axis] += (g[axis] - gravity[axis]) * k;
    }
    return magnitude({ x: g.x - gravity.x, y: g.y - gravity.y, z: g.z - gravity.z });
  }

  function intensityOf(sample, dt) {
    const rot = sample.rot ? magnitude3(sample.rot.alpha, sample.rot.beta, sample.rot.gamma) : 0;
    return linearMagnitude(sample, dt) + rot * cfg.rotationWeight;
  }

  // Returns a ring `{ t, strength }` (t = time of the peak) or null.
  function push(sample) {
    if (!Number.isFinite(sample?.t) || !(sample.acc || sample.accG)) {
      return null;
    }
    const dt = lastT === null ? 16 : Math.max(0, sample.t - lastT);
    lastT = sample.t;
    const value = intensityOf(sample, dt);

    if (peak) {
      if (value >= peak.strength && sample.t - peak.start < cfg.maxRiseMs) {
        peak.t = sample.t;
        peak.strength = value;
        return null;
      }
      const ring = { t: peak.t, strength: peak.strength };
      peak = null;
      armed = false;
      quietSince = null;
      lastRingT = ring.t;
      return ring;
    }

    if (!armed) {
      if (value < cfg.low) {
        quietSince ??= sample.t;
        if (sample.t - quietSince >= cfg.settleMs && sample.t - lastRingT >= cfg.minGapMs) {
          armed = true;
        }
      } else {
        quietSince = null;
      }
      return null;
    }

    if (value >= cfg.high) {
      peak = { start: sample.t, t: sample.t, strength: value };
    }
    return null;
  }

  return { push };
}

// Turns a DeviceMotionEvent into a detector sample; `t` is the event's local time in ms.
export function sampleFromMotionEvent(event, t) {
  const pick = (v) => (v && Number.isFinite(v.x) ? { x: v.x, y: v.y ?? 0, z: v.z ?? 0 } : null);
  const rot = event.rotationRate;
  return {
    t,
    acc: pick(event.acceleration),
    accG: pick(event.accelerationIncludingGravity),
    rot: rot && Number.isFinite(rot.alpha ?? rot.beta ?? rot.gamma)
      ? { alpha: rot.alpha ?? 0, beta: rot.beta ?? 0, gamma: rot.gamma ?? 0 }
      : null,
  };
}

function magnitude(v) {
  return magnitude3(v.x, v.y, v.z);
}

function magnitude3(a, b, c) {
  return Math.sqrt(a * a + b * b + c * c);
}
