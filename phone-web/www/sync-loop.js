// When to ask the console for clock samples, when to report the estimate, and how to land on a
// console instant. Timers and clocks are passed in, so the benchmark's simulated phones run this
// very code with their own skewed clocks.

const BURST = 12;
const BURST_GAP_MS = 30;
const LOBBY_SYNC_MS = 250;
const PLAYING_SYNC_MS = 1000;
const SYNCSTATE_MIN_GAP_MS = 500;
// The coarse start timer wakes this early; a second, short timer lands on the instant.
const START_LEAD_MS = 30;
const ON_TIME_MS = 0.3;
const UNSYNCED_RETRY_MS = 50;
// Timers run on the real clock, the estimate on the phone's, which drifts from it: a far instant
// is approached in steps that wake early by more than any phone's drift, 1000 ppm.
const DRIFT_ALLOWANCE = 0.001;
// Around a start instant the page should leave the CPU to the start timer.
const QUIET_BEFORE_MS = 40;
const QUIET_AFTER_MS = 15;

export function createSyncLoop({
  clock,
  now,
  send,
  joined,
  playing,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (id) => clearTimeout(id),
}) {
  let burstLeft = 0;
  let timer = null;
  let lastSyncState = -Infinity;

  function tick() {
    send(clock.request());
    let wait = playing() ? PLAYING_SYNC_MS : LOBBY_SYNC_MS;
    if (burstLeft > 0) {
      burstLeft--;
      wait = BURST_GAP_MS;
    }
    timer = setTimer(tick, wait);
  }

  // Called on every (re)connect, when a fresh link needs samples quickly, and when a start is
  // announced, so the estimate that lands the start rests on samples seconds old, not minutes.
  function restart() {
    burstLeft = BURST;
    stop();
    tick();
  }

  function stop() {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  // Feeds one `sync` answer to the clock; returns the new stats, or null if it was refused.
  function accept(msg) {
    if (!clock.accept(msg)) return null;
    const stats = clock.stats();
    const t = now();
    if (joined() && burstLeft === 0 && t - lastSyncState >= SYNCSTATE_MIN_GAP_MS) {
      lastSyncState = t;
      send({
        type: 'syncstate',
        offset: stats.offset,
        uncertainty: stats.uncertainty,
        rtt: stats.rtt,
        samples: stats.samples,
      });
    }
    return stats;
  }

  return { restart, burst: restart, stop, accept };
}

// Calls onStart(lateMs) at console instant `at` as the clock estimates it, re-reading the
// estimate just before the instant so samples that arrived meanwhile count. Returns a cancel.
export function scheduleStart({
  clock,
  now,
  at,
  onStart,
  setTimer = (fn, ms) => setTimeout(fn, ms),
  clearTimer = (id) => clearTimeout(id),
}) {
  let timer = null;
  const arm = () => {
    if (!clock.stats().samples) {
      timer = setTimer(arm, UNSYNCED_RETRY_MS);
      return;
    }
    const remaining = clock.toLocal(at) - now();
    if (remaining > 2 * START_LEAD_MS) {
      timer = setTimer(arm, remaining * (1 - DRIFT_ALLOWANCE) - START_LEAD_MS);
    } else if (remaining > ON_TIME_MS) {
      // One last timer, rounded up: browsers truncate fractions, and from the fifth nested
      // timer on they wait at least 4 ms, so the approach must not take many small steps.
      timer = setTimer(arm, Math.ceil(remaining));
    } else {
      timer = null;
      onStart(-remaining);
    }
  };
  arm();
  return () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
}

// True while `consoleNow` is close enough to the start instant `at` that drawing a frame could
// delay the start timer (eight pages on two cores measurably did).
export function nearStart(consoleNow, at) {
  return consoleNow > at - QUIET_BEFORE_MS && consoleNow < at + QUIET_AFTER_MS;
}
