// Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4), so page tests
// need no npm packages. Messages on the pipe are JSON texts ending in a NUL byte.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.PEAL_CHROMIUM ?? '/usr/bin/chromium';

export async function openPage(url, { width = 390, height = 844 } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}; install it (apt-get install -y chromium) `
      + 'or point PEAL_CHROMIUM at a Chromium binary');
  }
  const profile = mkdtempSync(join(tmpdir(), 'peal-chromium-'));
  const child = spawn(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--mute-audio',
    '--autoplay-policy=no-user-gesture-required', `--window-size=${width},${height}`,
    `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true });

  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const waiting = new Map();
  let pending = '';
  fromBrowser.on('data', (chunk) => {
    pending += chunk.toString('utf8');
    let end;
    while ((end = pending.indexOf('\0')) >= 0) {
      const msg = JSON.parse(pending.slice(0, end));
      pending = pending.slice(end + 1);
      const entry = waiting.get(msg.id);
      if (entry) {
        waiting.delete(msg.id);
        if (msg.error) entry.reject(new Error(`${entry.method}: ${msg.error.message}`));
        else entry.resolve(msg.result);
      }
    }
  });
  fromBrowser.on('error', () => {});
  toBrowser.on('error', () => {});

  function call(method, params = {}, sessionId) {
    const id = nextId++;
    toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })
      + '\0');
    return new Promise((resolve, reject) => waiting.set(id, { resolve, reject, method }));
  }

  const { targetId } = await call('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await call('Target.attachToTarget', { targetId, flatten: true });
  await call('Page.navigate', { url }, sessionId);

  async function evaluate(expression) {
    const result = await call('Runtime.evaluate', {
      expression, awaitPromise: true, returnByValue: true, userGesture: true,
    }, sessionId);
    if (result.exceptionDetails) {
      throw new Error(`page threw: ${result.exceptionDetails.exception?.description
        ?? result.exceptionDetails.text}`);
    }
    return result.result.value;
  }

  // Polls `expression` in the page until it is truthy; fails with the last value otherwise.
  async function waitFor(expression, timeoutMs = 10000) {
    const until = Date.now() + timeoutMs;
    let value;
    while (Date.now() < until) {
      try {
        value = await evaluate(expression);
        if (value) return value;
      } catch (e) {
        value = e.message;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${expression}; last value ${JSON.stringify(value)}`);
  }

  async function screenshot() {
    const { data } = await call('Page.captureScreenshot', { format: 'png' }, sessionId);
    return Buffer.from(data, 'base64');
  }

  async function close() {
    try {
      await Promise.race([call('Browser.close'), new Promise((r) => setTimeout(r, 2000))]);
    } finally {
      // Chromium's helpers share its process group; end them all, not just the browser.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone after Browser.close.
      }
      await new Promise((r) => setTimeout(r, 200));
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  }

  return { evaluate, waitFor, screenshot, close };
}
