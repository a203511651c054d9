// Estimates the console's room clock from NTP-style samples; see docs/sync.md for the reasoning.
//
// Model: console = local + theta(local), theta(local) = intercept + slope * (local - ref).
// Each answered sample bounds theta: from above by t1 - t0 (the request took at least no time
// to arrive) and from below by t2 - t3 (the answer took at least no time to come back).

// The drift fit uses the whole window (2 minutes in the lobby, 8 while playing); the offset
// uses only the newest samples, so an error in the drift is not stretched over old ones.
const DEFAULT_WINDOW = 480;
const BOUNDS_WINDOW = 120;
const MIN_SAMPLES_FOR_SYNC = 10;
// Matches the console's Room.SYNC_THRESHOLD_MS, chosen in docs/benchmarks.md.
const SYNCED_UNCERTAINTY_MS = 20;
// A round trip this long carries no useful bound and usually means the page was asleep.
const MAX_RTT_MS = 1500;
// Below this span a drift fit is mostly noise: measured, a fit over 10 s erred more than no fit.
const MIN_SPAN_FOR_SLOPE_MS = 20000;
const MIN_SAMPLES_FOR_SLOPE = 24;
const MAX_SLOPE = 0.001;
// The drift charged while there is too little history to fit it: phone clocks stay within this.
const MAX_EXPECTED_DRIFT = 0.0002;
const SLOPE_STEPS = 32;
const EDGE_STEPS = 12;
const GOLDEN = (Math.sqrt(5) - 1) / 2;
// Slopes whose band is at most this much narrower than the best one are as good as it.
const BAND_TOLERANCE_MS = 1;
// Bounds that contradict the window by this much mean a clock jumped: start over.
const JUMP_MS = 250;

export function createClockSync({ now, window: windowSize = DEFAULT_WINDOW } = {}) {
  if (typeof now !== 'function') {
    throw new TypeError(`now must be a function returning local ms, got ${typeof now}`);
  }
  let samples = [];
  let fit = null;

  function request() {
    return { type: 'sync', t0: now() };
  }

  function accept(msg) {
    const t3 = now();
    if (!msg || ![msg.t0, msg.t1, msg.t2].every(Number.isFinite)) {
      return false;
    }
    const rtt = (t3 - msg.t0) - (msg.t2 - msg.t1);
    if (t3 < msg.t0 || rtt < 0 || rtt > MAX_RTT_MS) {
      return false;
    }

    const sample = { tu: msg.t0, upper: msg.t1 - msg.t0, tl: t3, lower: msg.t2 - t3, rtt };
    if (fit && contradicts(sample, fit)) {
      samples = [];
    }
    samples.push(sample);
    if (samples.length > windowSize) {
      samples.splice(0, samples.length - windowSize);
    }
    fit = estimate(samples);
    return true;
  }

  function requireFit() {
    if (!fit) {
      throw new Error('clock not synced yet: feed accept() at least one sync answer first');
    }
    return fit;
  }

  function toConsole(localMs) {
    const f = requireFit();
    return localMs + f.intercept + f.slope * (localMs - f.ref);
  }

  function toLocal(consoleMs) {
    const f = requireFit();
    return (consoleMs - f.intercept + f.slope * f.ref) / (1 + f.slope);
  }

  function stats() {
    if (!fit) {
      return { offset: 0, uncertainty: Infinity, rtt: NaN, samples: 0, synced: false };
    }
    const t = now();
    const uncertainty = fit.halfGap + fit.slopeError * Math.abs(t - fit.ref);
    const rtt = Math.min(...samples.map((s) => s.rtt));
    return {
      offset: fit.intercept + fit.slope * (t - fit.ref),
      uncertainty,
      rtt,
      samples: samples.length,
      synced: samples.length >= MIN_SAMPLES_FOR_SYNC && uncertainty < SYNCED_UNCERTAINTY_MS,
      drift: fit.slope,
    };
  }

  return {
    request,
    accept,
    toConsole,
    toLocal,
    consoleNow: () => toConsole(now()),
    stats,
  };
}

function thetaAt(f, t) {
  return f.intercept + f.slope * (t - f.ref);
}

function contradicts(sample, f) {
  const tooLow = sample.upper < thetaAt(f, sample.tu) - f.halfGap - JUMP_MS;
  const tooHigh = sample.lower > thetaAt(f, sample.tl) + f.halfGap + JUMP_MS;
  return tooLow || tooHigh;
}

// Exported for tests: the whole estimate from a list of samples, oldest first.
export function estimate(list) {
  const ref = list[list.length - 1].tl;
  const { slope, slopeError, fitted } = fitSlope(list, ref);

  // Each bound, carried to `ref` along the fitted slope; and loosened by what the slope's error
  // could have moved the offset since the sample was taken, which holds whatever the drift is.
  let minUpper = Infinity;
  let maxLower = -Infinity;
  let looseUpper = Infinity;
  let looseLower = -Infinity;
  for (let i = Math.max(0, list.length - BOUNDS_WINDOW); i < list.length; i++) {
    const s = list[i];
    const upper = s.upper - slope * (s.tu - ref);
    const lower = s.lower - slope * (s.tl - ref);
    minUpper = Math.min(minUpper, upper);
    maxLower = Math.max(maxLower, lower);
    looseUpper = Math.min(looseUpper, upper + slopeError * (ref - s.tu));
    looseLower = Math.max(looseLower, lower - slopeError * (ref - s.tl));
  }

  // Before the drift is fitted an old sample says little about now: the loosened band, which
  // favours the newest samples, gives the offset. Once fitted, every sample counts alike.
  const intercept = fitted ? (minUpper + maxLower) / 2 : (looseUpper + looseLower) / 2;
  // How far the estimate may be from the truth: the farther edge of the loosened band. Crossed
  // bounds happen only when a delay floor moved or the drift exceeds the model; the midpoint is
  // still the best guess and the crossing itself measures how wrong it may be.
  const halfGap = Math.max(Math.abs(looseUpper - intercept), Math.abs(intercept - looseLower));
  return { ref, intercept, slope, slopeError, halfGap };
}

// The drift is the slope that leaves the widest band between the upper bounds above and the
// lower bounds below: with the true slope the band is the two delay floors; any other slope
// tilts the bounds at one end of the window into it. Band width is concave in the slope, so a
// golden-section search finds its top; how fast it falls off either side says how sure it is.
function fitSlope(list, ref) {
  const span = ref - list[0].tu;
  if (span < MIN_SPAN_FOR_SLOPE_MS || list.length < MIN_SAMPLES_FOR_SLOPE) {
    // Unfitted drift still costs something over the window; charge the worst expected rate.
    return { slope: 0, slopeError: MAX_EXPECTED_DRIFT, fitted: false };
  }

  const band = bandWidth(list, ref);
  // Golden-section search: each step reuses one of the previous two evaluations.
  let lo = -MAX_SLOPE;
  let hi = MAX_SLOPE;
  let a = hi - GOLDEN * (hi - lo);
  let b = lo + GOLDEN * (hi - lo);
  let fa = band(a);
  let fb = band(b);
  for (let i = 0; i < SLOPE_STEPS; i++) {
    if (fa < fb) {
      lo = a;
      a = b;
      fa = fb;
      b = lo + GOLDEN * (hi - lo);
      fb = band(b);
    } else {
      hi = b;
      b = a;
      fb = fa;
      a = hi - GOLDEN * (hi - lo);
      fa = band(a);
    }
  }
  const slope = (lo + hi) / 2;
  const floor = band(slope) - BAND_TOLERANCE_MS;
  const left = edge(band, slope, -MAX_SLOPE, floor);
  const right = edge(band, slope, MAX_SLOPE, floor);
  return { slope, slopeError: (right - left) / 2, fitted: true };
}

function bandWidth(list, ref) {
  const n = list.length;
  const tu = new Float64Array(n);
  const up = new Float64Array(n);
  const tl = new Float64Array(n);
  const low = new Float64Array(n);
  list.forEach((s, i) => {
    tu[i] = s.tu - ref;
    up[i] = s.upper;
    tl[i] = s.tl - ref;
    low[i] = s.lower;
  });
  return (slope) => {
    let minUpper = Infinity;
    let maxLower = -Infinity;
    for (let i = 0; i < n; i++) {
      minUpper = Math.min(minUpper, up[i] - slope * tu[i]);
      maxLower = Math.max(maxLower, low[i] - slope * tl[i]);
    }
    return minUpper - maxLower;
  };
}

// Where between `inside` (band above floor) and `outside` the band falls to `floor`.
function edge(band, inside, outside, floor) {
  if (band(outside) >= floor) return outside;
  let a = inside;
  let b = outside;
  for (let i = 0; i < EDGE_STEPS; i++) {
    const m = (a + b) / 2;
    if (band(m) >= floor) a = m;
    else b = m;
  }
  return (a + b) / 2;
}

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}
