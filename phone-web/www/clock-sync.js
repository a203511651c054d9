// Estimates the console's room clock from NTP-style samples; see docs/sync.md for the reasoning.
//
// Model: console = local + theta(local), theta(local) = intercept + slope * (local - ref).
// Each answered sample bounds theta: from above by t1 - t0 (the request took at least no time
// to arrive) and from below by t2 - t3 (the answer took at least no time to come back).

const DEFAULT_WINDOW = 120;
const MIN_SAMPLES_FOR_SYNC = 10;
const SYNCED_UNCERTAINTY_MS = 15;
// A round trip this long carries no useful bound and usually means the page was asleep.
const MAX_RTT_MS = 1500;
// Below this span a drift fit is mostly noise, while 200 ppm over it costs under 2 ms.
const MIN_SPAN_FOR_SLOPE_MS = 10000;
const MAX_SLOPE = 0.001;
const CHUNKS = 8;
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
  const { slope, slopeError } = fitSlope(list);

  let minUpper = Infinity;
  let maxLower = -Infinity;
  for (const s of list) {
    minUpper = Math.min(minUpper, s.upper - slope * (s.tu - ref));
    maxLower = Math.max(maxLower, s.lower - slope * (s.tl - ref));
  }

  // Crossed bounds happen only when the slope is off or a delay floor moved; the midpoint is
  // still the best guess and the crossing itself measures how wrong we may be.
  const halfGap = Math.abs(minUpper - maxLower) / 2;
  return { ref, intercept: (minUpper + maxLower) / 2, slope, slopeError, halfGap };
}

function fitSlope(list) {
  const span = list[list.length - 1].tl - list[0].tu;
  if (span < MIN_SPAN_FOR_SLOPE_MS || list.length < CHUNKS * 3) {
    // Unfitted drift still costs something over the window; charge the worst expected rate.
    return { slope: 0, slopeError: 0.0002 * Math.min(1, span / MIN_SPAN_FOR_SLOPE_MS) };
  }

  const points = chunkMidpoints(list);
  const slopes = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dt = points[j].t - points[i].t;
      if (dt > 0) {
        slopes.push((points[j].theta - points[i].theta) / dt);
      }
    }
  }
  const slope = clamp(median(slopes), -MAX_SLOPE, MAX_SLOPE);
  const spread = median(slopes.map((s) => Math.abs(s - slope)));
  return { slope, slopeError: spread / Math.sqrt(points.length) };
}

// The tightest pair of bounds inside each chunk of the window gives one clean theta reading.
function chunkMidpoints(list) {
  const size = Math.floor(list.length / CHUNKS);
  const points = [];
  for (let c = 0; c < CHUNKS; c++) {
    const chunk = list.slice(c * size, c === CHUNKS - 1 ? list.length : (c + 1) * size);
    let up = chunk[0];
    let low = chunk[0];
    for (const s of chunk) {
      if (s.upper < up.upper) up = s;
      if (s.lower > low.lower) low = s;
    }
    points.push({ t: (up.tu + low.tl) / 2, theta: (up.upper + low.lower) / 2 });
  }
  return points;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}
