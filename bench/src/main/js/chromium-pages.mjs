// Real phone pages in headless Chromium for the benchmark, one browser per page, driven by JSON
// lines on stdin like sim-phones.mjs. Each page's performance.now() is mapped onto the room clock
// through the DevTools pipe: the evaluation with the shortest round trip, bracketed by
// process.hrtime (the console's CLOCK_MONOTONIC), bounds the mapping to half that round trip.

import { createInterface } from 'node:readline';
import { openPage } from '../../../../phone-web/test/browser.js';

const ORIGIN = BigInt(process.argv[2] ?? '0');
const trueNow = () => Number(process.hrtime.bigint() - ORIGIN) / 1e6;
const CALIBRATION_SAMPLES = 25;
const pages = [];

function emit(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

async function open({ url, count, room }) {
  for (let i = 0; i < count; i++) {
    pages.push(await openPage(`${url}/?room=${room}`));
  }
  for (const [i, page] of pages.entries()) {
    await page.waitFor(`document.body.dataset.screen === 'join'
      && document.body.dataset.connection === 'open'`, 60000);
    await page.evaluate(`(() => {
      window.__starts = [];
      window.addEventListener('peal:songstart', (e) => window.__starts.push({
        ...e.detail, believed: window.peal.clock.toConsole(e.detail.localAt),
      }));
      document.querySelector('form[data-join] input[name=name]').value = 'chrome-${i}';
      document.querySelector('form[data-join] button').click();
    })()`);
  }
  for (const page of pages) {
    await page.waitFor(`document.body.dataset.screen === 'ready'`, 30000);
  }
  emit({ ev: 'opened', count: pages.length });
}

async function calibrate(page) {
  let best = { rtt: Infinity, offset: NaN };
  for (let i = 0; i < CALIBRATION_SAMPLES; i++) {
    const before = trueNow();
    const local = await page.evaluate('performance.now()');
    const after = trueNow();
    if (after - before < best.rtt) {
      best = { rtt: after - before, offset: (before + after) / 2 - local };
    }
  }
  return best;
}

async function collect() {
  const out = [];
  for (const [index, page] of pages.entries()) {
    const calibration = await calibrate(page);
    const starts = await page.evaluate('window.__starts.splice(0)');
    const stats = await page.evaluate('window.peal.clock.stats()');
    out.push({
      index,
      calibration,
      stats,
      starts: starts.map((s) => ({
        at: s.at, fired: s.localAt + calibration.offset, believed: s.believed,
      })),
    });
  }
  emit({ ev: 'collected', pages: out });
}

async function closeAll() {
  for (const page of pages.splice(0)) {
    try {
      await page.close();
    } catch {
      // The browser is gone already; its process group was killed.
    }
  }
}

const commands = {
  hello: () => emit({ ev: 'hello', consoleMs: trueNow() }),
  open,
  collect,
  quit: async () => {
    await closeAll();
    emit({ ev: 'bye' });
    process.exit(0);
  },
};

let queue = Promise.resolve();
const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (!line.trim()) return;
  const c = JSON.parse(line);
  queue = queue.then(async () => {
    const run = commands[c.cmd];
    if (!run) throw new Error(`unknown command '${c.cmd}'`);
    await run(c);
  }).catch((e) => emit({ ev: 'error', message: String(e?.message ?? e) }));
});
input.on('close', () => {
  closeAll().finally(() => process.exit(0));
});
