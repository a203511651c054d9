// Shared test helpers: a seeded PRNG and a simulated phone-to-console link.

export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// Wi-Fi-like one-way delay: a fixed floor plus a queueing tail, now and then a long stall.
export function delayModel(random, { floor, tail, stallChance = 0.05, stall = 60 }) {
  return () => {
    const queue = -Math.log(1 - random()) * tail;
    const extra = random() < stallChance ? -Math.log(1 - random()) * stall : 0;
    return floor + queue + extra;
  };
}

// A phone whose monotonic clock runs at (1 + drift) of the console's and is offset from it.
// Console time (true time) advances via `advance`; the phone's now() follows it.
export function simulatedLink({ offset: startOffset, drift, up, down, seed = 1 }) {
  let offset = startOffset;
  const random = seededRandom(seed);
  const upDelay = delayModel(random, up);
  const downDelay = delayModel(random, down);
  let consoleTime = 100000;
  const phoneAt = (c) => (c - offset) * (1 + drift);

  return {
    now: () => phoneAt(consoleTime),
    consoleTime: () => consoleTime,
    trueConsoleOf: (local) => local / (1 + drift) + offset,
    advance(ms) {
      consoleTime += ms;
    },
    // The console's clock leaps (a restarted room) while the phone's clock runs on unbroken.
    jumpConsole(ms) {
      consoleTime += ms;
      offset += ms;
    },
    // Runs one full sync exchange through the clock; returns when the answer has arrived.
    exchange(clock) {
      const req = clock.request();
      consoleTime += upDelay();
      const t1 = consoleTime;
      consoleTime += 0.05 + random() * 0.3;
      const t2 = consoleTime;
      consoleTime += downDelay();
      return clock.accept({ type: 'sync', t0: req.t0, t1, t2 });
    },
  };
}
